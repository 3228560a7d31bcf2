import { describe, expect, it } from 'vitest';
import { keysOfS3Notification } from '../../functions/adapters/s3-notification-keys.ts';

describe('keysOfS3Notification', () => {
  it('decodes the keys of created objects as S3 encodes them', () => {
    const message = JSON.stringify({
      Records: [
        { eventName: 'ObjectCreated:Put', s3: { object: { key: 'incoming/2024/harbour+report%C3%A9.txt' } } },
        { eventName: 'ObjectCreated:CompleteMultipartUpload', s3: { object: { key: 'incoming/a%2Bb.pdf' } } },
        { eventName: 'ObjectRemoved:Delete', s3: { object: { key: 'incoming/gone.txt' } } },
      ],
    });
    expect(keysOfS3Notification(message)).toEqual(['incoming/2024/harbour reporté.txt', 'incoming/a+b.pdf']);
  });

  it('reads the test event S3 sends when the notification is set up as naming nothing', () => {
    expect(keysOfS3Notification(JSON.stringify({ Event: 's3:TestEvent', Bucket: 'b' }))).toEqual([]);
  });

  it('refuses what is not a notification', () => {
    expect(() => keysOfS3Notification('not json')).toThrow(/not JSON/);
    expect(() => keysOfS3Notification('{"hello":1}')).toThrow(/no Records/);
  });
});
