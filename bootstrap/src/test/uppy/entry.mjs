// What the browser test imports: Uppy's core and its S3 uploader, exactly as npm has them.
export { default as Uppy } from '@uppy/core';
export { default as AwsS3 } from '@uppy/aws-s3';
