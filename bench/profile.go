package bench

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// StartCPUProfile starts a pprof CPU profile of the process written to
// path. stop ends it and closes the file; calls after the first do
// nothing.
func StartCPUProfile(path string) (stop func() error, err error) {
	return record(path, "cpu profile", pprof.StartCPUProfile, pprof.StopCPUProfile)
}

// StartTrace starts a runtime execution trace (go tool trace) written to
// path. stop ends it and closes the file; calls after the first do
// nothing.
func StartTrace(path string) (stop func() error, err error) {
	return record(path, "trace", trace.Start, trace.Stop)
}

// record creates path, starts a recording into it and returns what ends
// the recording and closes the file, once.
func record(path, what string, start func(io.Writer) error, end func()) (func() error, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("bench: %s: %w", what, err)
	}
	if err := start(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("bench: %s: %w", what, err)
	}
	stopped := false
	return func() error {
		if stopped {
			return nil
		}
		stopped = true
		end()
		if err := f.Close(); err != nil {
			return fmt.Errorf("bench: %s: %w", what, err)
		}
		return nil
	}, nil
}

// WriteHeapProfile collects garbage and writes a pprof heap profile of the
// live heap to path.
func WriteHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("bench: heap profile: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("bench: heap profile: %w", err)
	}
	return nil
}
