package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// signalContext ends on the given signals and on SIGTERM.
func signalContext(sigs ...os.Signal) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), append(sigs, syscall.SIGTERM)...)
}
