package deploy_test

import (
	"os"
	"testing"
)

// TestMain gives the AWS SDK credentials of its own and no instance
// metadata service for the whole test binary, so that no test or
// benchmark ever looks for the machine's credentials or reaches past
// the loopback server the tests start.
func TestMain(m *testing.M) {
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID":           "newsgen-test",
		"AWS_SECRET_ACCESS_KEY":       testSecret,
		"AWS_EC2_METADATA_DISABLED":   "true",
		"AWS_CONFIG_FILE":             os.DevNull,
		"AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
	} {
		os.Setenv(k, v)
	}
	os.Unsetenv("AWS_PROFILE")
	os.Unsetenv("AWS_SESSION_TOKEN")
	os.Exit(m.Run())
}
