package deploy

// The blob drivers newsgen deploys through, registered for OpenBucket by
// their URL schemes: s3:// (AWS and any S3-compatible store), gs://,
// azblob:// and file://.
import (
	_ "gocloud.dev/blob/azureblob"
	_ "gocloud.dev/blob/fileblob"
	_ "gocloud.dev/blob/gcsblob"
	_ "gocloud.dev/blob/s3blob"
)
