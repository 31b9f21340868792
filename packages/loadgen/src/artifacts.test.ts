import { describe, expect, it } from 'vitest';
import { artifactDirName, exportFileNames, resolveArtifactDir } from './artifacts.js';
import { testConfig } from './test-config.js';

describe('artifact naming', () => {
  it('names the directory <model>-openai-<type>-<stimulus> like AIPerf', () => {
    expect(artifactDirName(testConfig({ endpoint: { models: ['Qwen/Qwen3-0.6B'] }, load: { concurrency: 16 } }))).toBe(
      'Qwen_Qwen3-0.6B-openai-chat-concurrency16',
    );
    expect(artifactDirName(testConfig({ endpoint: { models: ['a', 'b'], type: 'completions' }, load: { mode: 'request_rate', requestRate: 10, concurrency: null } }))).toBe(
      'a_multi-openai-completions-request_rate10.0',
    );
    expect(artifactDirName(testConfig({ load: { mode: 'request_rate', requestRate: 2.5, concurrency: 4 } }))).toBe(
      'mock-model-openai-chat-concurrency4-request_rate2.5',
    );
  });

  it('writes into an explicit directory directly, else into the named subdirectory', () => {
    expect(resolveArtifactDir(testConfig({ output: { artifactDir: 'out', artifactDirExplicit: true } }))).toBe('out');
    expect(resolveArtifactDir(testConfig({ output: { artifactDir: 'artifacts' } }))).toBe('artifacts/mock-model-openai-chat-concurrency2');
    expect(resolveArtifactDir(testConfig(), '/trial/1')).toBe('/trial/1');
  });

  it('renames exports with a prefix (known suffixes stripped, no _aiperf infix)', () => {
    expect(exportFileNames(null)).toMatchObject({
      summaryJson: 'profile_export_aiperf.json', summaryCsv: 'profile_export_aiperf.csv', recordsJsonl: 'profile_export.jsonl',
      timeslicesJson: 'profile_export_aiperf_timeslices.json', inputsJson: 'inputs.json',
    });
    expect(exportFileNames('foo.json')).toMatchObject({
      summaryJson: 'foo.json', summaryCsv: 'foo.csv', recordsJsonl: 'foo.jsonl', rawJsonl: 'foo_raw.jsonl',
      timeslicesCsv: 'foo_timeslices.csv', inputsJson: 'inputs.json',
    });
  });
});
