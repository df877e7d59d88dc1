// The table layouts moved to shared/document/grid.ts (the preview draws them too).
export * from '../../../shared/document/grid';
