// Command storyline turns a flood of news articles into stories a person
// can follow. It is a thin shell over the packages of the module: flags and
// wiring only.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// defaultMemoryLimit is the soft limit on the Go heap unless GOMEMLIMIT
// says otherwise. Without one the heap grows to twice what is live before
// the collector runs: at a million articles that slack alone was more than
// the rest of the process. Near the limit the collector runs more often;
// it never makes an allocation fail.
const defaultMemoryLimit = 1536 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
