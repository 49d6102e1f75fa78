package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
)

// refReadLine is how lines were read before lineReader, through a
// bufio.Reader: the reference lineReader must agree with.
func refReadLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(frag)) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return line, tooLong, err
	}
}

// lineResult is one readLine's result, its error as text.
type lineResult struct {
	line    string
	tooLong bool
	err     string
}

// readLines reads every line with next until it returns an error.
func readLines(next func() ([]byte, bool, error)) []lineResult {
	var out []lineResult
	for {
		l, tl, err := next()
		r := lineResult{line: string(l), tooLong: tl}
		if err != nil {
			r.err = err.Error()
		}
		out = append(out, r)
		if err != nil {
			return out
		}
	}
}

// TestLineReaderMatchesBufio: lineReader returns the lines, the too-long
// verdicts and the errors the bufio reading did, on random inputs of
// short and long lines, with blocks far smaller than the lines, readers
// that return a byte at a time or data with their error, and a reader
// that fails in the middle; lines given away stay as they were while
// reading goes on.
func TestLineReaderMatchesBufio(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	failure := errors.New("disk on fire")
	for trial := range 400 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(strings.Repeat(string(rune('a'+r.IntN(26))), r.IntN(60)))
			if r.IntN(6) > 0 {
				b.WriteString([]string{"\n", "\r\n", "\n\n"}[r.IntN(3)])
			}
		}
		data := b.String()
		max := int64(1 + r.IntN(50))
		wrap := func(rd io.Reader) io.Reader {
			switch trial % 4 {
			case 1:
				return iotest.OneByteReader(rd)
			case 2:
				return iotest.DataErrReader(rd)
			case 3:
				return io.MultiReader(rd, errReader{failure})
			}
			return rd
		}
		br := bufio.NewReaderSize(wrap(strings.NewReader(data)), 16)
		want := readLines(func() ([]byte, bool, error) { return refReadLine(br, max) })
		lr := newLineReader(wrap(strings.NewReader(data)))
		lr.block = 1 + r.IntN(40)
		var lines [][]byte
		var copies []string
		got := readLines(func() ([]byte, bool, error) {
			l, tl, err := lr.readLine(max)
			lines, copies = append(lines, l), append(copies, string(l))
			return l, tl, err
		})
		if len(got) != len(want) {
			t.Fatalf("trial %d (%q, max %d): %d results, want %d", trial, data, max, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("trial %d (%q, max %d): line %d = %+v, want %+v", trial, data, max, i, got[i], want[i])
			}
		}
		for i, l := range lines {
			if string(l) != copies[i] || cap(l) != len(l) {
				t.Fatalf("trial %d: line %d changed to %q (cap %d) after it was returned", trial, i, l, cap(l))
			}
		}
	}
}

// TestLineReaderRest: what rest reads is the input after the lines read,
// however far ahead the reader read, and the error that ended the input.
func TestLineReaderRest(t *testing.T) {
	data := "{\"a\":\n1}\n{\"b\":2}\n"
	for _, rd := range []io.Reader{strings.NewReader(data), iotest.DataErrReader(strings.NewReader(data))} {
		lr := newLineReader(rd)
		first, _, err := lr.readLine(100)
		if err != nil || string(first) != "{\"a\":\n" {
			t.Fatalf("first line %q, %v", first, err)
		}
		rest, err := io.ReadAll(lr.rest())
		if err != nil || !bytes.Equal(rest, []byte(data[len(first):])) {
			t.Errorf("rest %q, %v; want %q", rest, err, data[len(first):])
		}
	}
	failure := errors.New("cable cut")
	lr := newLineReader(io.MultiReader(strings.NewReader("x\ny"), errReader{failure}))
	lr.readLine(100)
	if _, err := io.ReadAll(lr.rest()); !errors.Is(err, failure) {
		t.Errorf("rest after a failed read: %v, want %v", err, failure)
	}
}

// TestRecyclingLineReader: a reader that reuses its blocks returns the
// lines the plain one does, never writes over a line whose block is
// still held, and, when each line is let go soon after it is read, reads
// the whole input into a few blocks.
func TestRecyclingLineReader(t *testing.T) {
	var b strings.Builder
	for i := range 400 {
		fmt.Fprintf(&b, "line %d %s\n", i, strings.Repeat("x", i%37))
	}
	data := b.String()
	tests := []struct {
		name      string
		keep      func(i int) bool // lines held to the end
		maxBlocks int              // distinct blocks read into, at most; 0: any
	}{
		{"all let go", func(int) bool { return false }, pooledBlocks + 2},
		{"every fifth held", func(i int) bool { return i%5 == 0 }, 0},
		{"all held", func(int) bool { return true }, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lr := newRecyclingLineReader(strings.NewReader(data))
			lr.block = 256
			want := strings.SplitAfter(data, "\n")
			type held struct {
				line  []byte
				want  string
				block *lineBlockRef
			}
			var kept []held
			blocks := map[*byte]bool{}
			var late *lineBlockRef // released after the next line is read
			for i := 0; ; i++ {
				line, _, err := lr.readLine(1 << 20)
				if late != nil {
					late.release()
					late = nil
				}
				if len(line) > 0 {
					blocks[&lr.buf[0]] = true
					if string(line) != want[i] {
						t.Fatalf("line %d = %q, want %q", i, line, want[i])
					}
					lr.cur.hold()
					if tc.keep(i) {
						kept = append(kept, held{line, want[i], lr.cur})
					} else {
						late = lr.cur
					}
				}
				if err != nil {
					break
				}
			}
			for _, h := range kept {
				if string(h.line) != h.want {
					t.Errorf("held line changed to %q, want %q", h.line, h.want)
				}
				h.block.release()
			}
			if tc.maxBlocks > 0 && len(blocks) > tc.maxBlocks {
				t.Errorf("read into %d blocks, want at most %d", len(blocks), tc.maxBlocks)
			}
			if len(blocks) < 2 {
				t.Errorf("read into %d blocks: the test wants lines across several", len(blocks))
			}
		})
	}
}
