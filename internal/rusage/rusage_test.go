package rusage

import (
	"runtime"
	"testing"
	"time"
)

// spin keeps the CPU busy for about d of wall time.
func spin(d time.Duration) (n uint64) {
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := 0; i < 1000; i++ {
			n += uint64(i) * n
		}
	}
	return n
}

// TestCPUGrows checks that the CPU times count work done: a busy loop of
// 200 ms must show at least some of it (the share of a core the test gets
// on a loaded machine may be small, never nothing).
func TestCPUGrows(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("thread CPU time and peak RSS are read on Linux only")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	p0, t0 := ProcessCPU(), ThreadCPU()
	spin(200 * time.Millisecond)
	t1 := ThreadCPU()
	p1 := ProcessCPU() // read outside the thread's readings: it spans them
	if t1-t0 < 5*time.Millisecond {
		t.Errorf("thread CPU grew by %v over a 200 ms busy loop", t1-t0)
	}
	if p1-p0 < t1-t0 {
		t.Errorf("process CPU grew by %v, less than its thread's %v", p1-p0, t1-t0)
	}
	if rss := PeakRSS(); rss < 1<<20 {
		t.Errorf("PeakRSS = %d bytes, less than a MiB", rss)
	}
}
