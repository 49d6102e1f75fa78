package cluster

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// TestLexiconKeepsTerms checks that the lexicon's terms, kept in shared
// blocks of bytes, are copies of the terms given (a caller's string may
// be over memory it writes again) that nothing writes over afterwards:
// terms are added from several goroutines, some longer than a block,
// each given as a string over a buffer its goroutine rewrites at once,
// and every term read back while others are added, and at the end,
// equals the term first given.
func TestLexiconKeepsTerms(t *testing.T) {
	l := newLexicon()
	const workers, perWorker = 4, 6000
	type added struct {
		id   uint32
		term string // held as the lexicon returned it
		want string
	}
	results := make([][]added, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 0, lexText+4096)
			for i := range perWorker {
				want := fmt.Sprintf("w%d-term-%d-%s", w, i, strings.Repeat("x", i%50))
				if i%1500 == 7 {
					want += strings.Repeat("long", lexText/4) // longer than a block
				}
				buf = append(buf[:0], want...)
				id := l.id(unsafe.String(&buf[0], len(buf)))
				for j := range buf {
					buf[j] = '#' // the caller's memory, written again
				}
				results[w] = append(results[w], added{id, l.term(id), want})
				if got := l.term(id); got != want {
					t.Errorf("term %d read back as %.40q, want %.40q", id, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	runtime.GC()
	if n := l.size(); n != workers*perWorker {
		t.Errorf("%d terms, want %d", n, workers*perWorker)
	}
	bad := 0
	for _, rs := range results {
		for _, r := range rs {
			if r.term != r.want || l.term(r.id) != r.want {
				t.Errorf("term %d is %.40q (lexicon: %.40q), want %.40q", r.id, r.term, l.term(r.id), r.want)
				if bad++; bad > 5 {
					t.FailNow()
				}
			}
		}
	}
}
