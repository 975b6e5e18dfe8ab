import type { IDataObject } from 'n8n-workflow';

export const SAMPLES_DIR: string;
export function readSampleText(relativePath: string): string;
export function readSample(relativePath: string): IDataObject;
export function listSamples(folder: string): string[];
