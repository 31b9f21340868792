import { describe, expect, it } from 'vitest';
import { classifyExperiment, experimentGroup } from './classify.js';
import type { ExperimentClassification } from './config/types.js';

const classification: ExperimentClassification = {
  baselines: ['*baseline*', '*_agg_*'],
  treatments: ['*treatment*', '*_disagg_*'],
  default: 'treatment',
};

describe('experiment classification', () => {
  it('first matching baseline glob wins, then treatments, then the default', () => {
    expect(classifyExperiment('/a/baseline_moderate/concurrency_1', classification)).toBe('baseline');
    expect(classifyExperiment('/a/treatment_x/concurrency_1', classification)).toBe('treatment');
    expect(classifyExperiment('/a/llama_agg_tp2', classification)).toBe('baseline');
    expect(classifyExperiment('/a/other', { ...classification, default: 'baseline' })).toBe('baseline');
    // A run named like both matches the baseline list first.
    expect(classifyExperiment('/a/baseline_vs_treatment', classification)).toBe('baseline');
  });

  it('matches case-sensitively; without classification every run is a treatment', () => {
    expect(classifyExperiment('/a/BASELINE_run', classification)).toBe('treatment');
    expect(classifyExperiment('/a/baseline_run', undefined)).toBe('treatment');
  });

  it('groups by the parent directory when it matches a pattern, else by run name', () => {
    expect(experimentGroup('/a/baseline_moderate/concurrency_1', classification)).toBe('baseline_moderate');
    expect(experimentGroup('/a/sweep/concurrency_1', classification)).toBe('concurrency_1');
  });

  it('group_extraction_pattern merges variants by its first capture group', () => {
    const withPattern = { ...classification, group_extraction_pattern: '^(treatment_\\d+)' };
    expect(experimentGroup('/a/treatment_1_varA/concurrency_1', withPattern)).toBe('treatment_1');
    expect(experimentGroup('/a/treatment_1_varB/concurrency_2', withPattern)).toBe('treatment_1');
    expect(experimentGroup('/a/baseline_x/concurrency_2', withPattern)).toBe('baseline_x');
  });
});
