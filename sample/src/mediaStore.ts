import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { TalkMedia } from './models';

// All talk photos and videos go to a bucket in Seoul, which the Korean group company's engineers can read.
const MEDIA_REGION = 'ap-northeast-2';
/** @readable-by line-plus */
const s3 = new S3Client({ region: MEDIA_REGION });

export async function storeMedia(media: TalkMedia): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: 'talk-media', Key: media.id, Body: media.bytes }));
}
