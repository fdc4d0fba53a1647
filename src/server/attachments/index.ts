export * from './attachmentFiles';
export * from './loadAttachments';
export * from './uploadRate';
