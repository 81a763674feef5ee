import type { Attachment } from 'botbuilder';
import type { IncomingFile } from '../domain/turn';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  pdf: 'application/pdf',
  txt: 'text/plain',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Files in a personal chat arrive as file.download.info attachments (with
 * supportsFiles in the manifest); pictures pasted inline arrive as image/*
 * with a contentUrl. Cards and HTML renderings of the text are not files.
 */
export function filesOf(attachments: Attachment[] | undefined): IncomingFile[] {
  return (attachments ?? []).flatMap((attachment): IncomingFile[] => {
    const content = attachment.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
    if (attachment.contentType === FILE_DOWNLOAD_INFO && typeof content?.downloadUrl === 'string') {
      const type = typeof content.fileType === 'string' ? content.fileType.toLowerCase() : '';
      return [
        {
          name: attachment.name ?? `file.${type}`,
          contentType: MEDIA_TYPES[type] ?? 'application/octet-stream',
          url: content.downloadUrl,
        },
      ];
    }
    if (attachment.contentType?.startsWith('image/') && attachment.contentUrl) {
      const name = attachment.name ?? `image.${attachment.contentType.slice(6)}`;
      return [{ name, contentType: attachment.contentType, url: attachment.contentUrl, needsBotToken: true }];
    }
    return [];
  });
}
