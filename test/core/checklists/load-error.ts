import { expect } from 'vitest';
import { ChecklistError, parseChecklistFiles, type ChecklistFile } from '../../../src/core/checklists/load-checklists.js';

/** Run the loader and return the ChecklistError it throws. */
export function loadError(files: ChecklistFile[]): ChecklistError {
  try {
    parseChecklistFiles(files);
  } catch (error) {
    expect(error).toBeInstanceOf(ChecklistError);
    return error as ChecklistError;
  }
  throw new Error('expected parseChecklistFiles to throw');
}
