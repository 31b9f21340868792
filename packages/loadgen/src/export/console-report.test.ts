import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../metrics/compute.js';
import { makeRecord } from '../test-records.js';
import { renderConsoleReport, sidecarFiles } from './console-report.js';

describe('console footer', () => {
  it('lists every export with its label, in spec order', () => {
    const results = computeMetrics([makeRecord({ contentMs: [50, 60], outputTokenCount: 2, inputTokenCount: 10 })], { context: { streaming: true, producesTokens: true } });
    const text = renderConsoleReport({
      results, title: 'LLM Metrics', errors: [], sidecarTexts: [], cliCommand: 'aiperf profile -m m', cancelled: false, lateSends: null, notes: [],
      paths: {
        csv: '/a/p.csv', json: '/a/p.json', log: '/a/logs/aiperf.log',
        extra: [{ label: 'Timeslices JSON Export', path: '/a/t.json' }, { label: 'GPU Telemetry Export', path: '/a/g.jsonl' }],
      },
    });
    expect(text.slice(text.indexOf('CLI Command:')).trimEnd().split('\n')).toEqual([
      'CLI Command: aiperf profile -m m',
      expect.stringMatching(/^Benchmark Duration: \d+\.\d\d sec$/),
      'CSV Export: /a/p.csv',
      'JSON Export: /a/p.json',
      'Timeslices JSON Export: /a/t.json',
      'GPU Telemetry Export: /a/g.jsonl',
      'Log File: /a/logs/aiperf.log',
    ]);
  });

  it("takes a sidecar's labelled files and lists unlabelled ones (older sidecars) as Export", () => {
    expect(sidecarFiles({ files: ['/a/g.jsonl'], labeledFiles: [{ label: 'GPU Telemetry Export', path: '/a/g.jsonl' }] })).toEqual([
      { label: 'GPU Telemetry Export', path: '/a/g.jsonl' },
    ]);
    expect(sidecarFiles({ files: ['/a/x.bin'] })).toEqual([{ label: 'Export', path: '/a/x.bin' }]);
    expect(sidecarFiles({})).toEqual([]);
  });
});
