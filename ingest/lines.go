package ingest

import (
	"bytes"
	"io"
	"sync/atomic"
)

// lineBlock is the size of the blocks a lineReader reads into.
const lineBlock = 256 << 10

// lineReader reads the lines of JSON Lines into blocks it allocates and
// never writes again once it has given part of one away: a line is a
// slice of its block rather than a copy of its own, so that reading a
// line costs neither an allocation nor a copy, and a block is freed with
// the last article read from it (articles keep their line as Raw until
// they are stored). Only a line that a block ends in the middle of is
// copied, to the start of the next block. A reader made by
// newRecyclingLineReader writes a block again, but only once its
// callers have released every line of it.
type lineReader struct {
	r     io.Reader
	block int    // the size of a new block
	buf   []byte // the current block
	// buf[start:end] is read and not yet returned; buf[:start] belongs
	// to the lines returned.
	start, end int
	err        error // what ended reading, once buf[start:end] is returned
	empty      int   // reads in a row that returned nothing
	// cur holds the current block for reuse, when blocks are reused
	// (recycle): nil otherwise.
	cur     *lineBlockRef
	recycle *blockPool
}

// blockPool holds blocks of a lineReader whose lines are all done with,
// for the reader to read into again rather than allocate anew.
type blockPool struct {
	free chan []byte
}

// pooledBlocks is how many done blocks a blockPool keeps: a line waits
// for a worker only while a few others do, so that lines of more than
// two blocks are seldom under way at once.
const pooledBlocks = 4

// lineBlockRef counts the holds on one block of a lineReader that
// reuses its blocks: one for each line handed on and not yet done with
// (see release), and one of the reader's own while it reads into the
// block. The block goes back to its pool when the last is released.
type lineBlockRef struct {
	buf   []byte
	holds atomic.Int32
	pool  *blockPool
}

// hold takes a hold on the block for one more line handed on.
func (b *lineBlockRef) hold() { b.holds.Add(1) }

// release gives up one hold; the last hands the block back to its pool,
// or to the collector when the pool is full. Nothing may read a line of
// the block once its hold is released.
func (b *lineBlockRef) release() {
	if b.holds.Add(-1) != 0 {
		return
	}
	select {
	case b.pool.free <- b.buf:
	default:
	}
}

// maxEmptyReads is how many reads in a row may return nothing before
// reading fails with io.ErrNoProgress, as bufio's do.
const maxEmptyReads = 100

// newLineReader returns a lineReader of r.
func newLineReader(r io.Reader) *lineReader { return &lineReader{r: r, block: lineBlock} }

// newRecyclingLineReader returns a lineReader of r that reads into
// blocks done with again: the caller holds the block of each line it
// hands on (lr.cur.hold) and releases it once nothing reads the line any
// more, and keeps no line past that. Reading JSON Lines for a caller
// that drops the raw input then allocates a few blocks rather than as
// much memory as the input.
func newRecyclingLineReader(r io.Reader) *lineReader {
	return &lineReader{r: r, block: lineBlock, recycle: &blockPool{free: make(chan []byte, pooledBlocks)}}
}

// readLine reads one line, with its line end, of at most max+1 bytes with
// it; a longer line is read to its end and discarded, and reported with
// tooLong. err is the error that ended the input (io.EOF at its end),
// returned with the last line, which has no line end and may be empty.
// The line's capacity is its length: appending to it copies it.
func (lr *lineReader) readLine(max int64) (line []byte, tooLong bool, err error) {
	scanned := 0 // bytes of buf[start:end] known to hold no line end
	for {
		if i := bytes.IndexByte(lr.buf[lr.start+scanned:lr.end], '\n'); i >= 0 {
			n := scanned + i + 1
			line = lr.buf[lr.start : lr.start+n : lr.start+n]
			lr.start += n
			if tooLong || int64(n) > max+1 {
				return nil, true, nil
			}
			return line, false, nil
		}
		if lr.err != nil {
			line = lr.buf[lr.start:lr.end:lr.end]
			lr.start = lr.end
			if tooLong || int64(len(line)) > max+1 {
				return nil, true, lr.err
			}
			return line, false, lr.err
		}
		if int64(lr.end-lr.start) > max+1 {
			// Too long already: what is read of it is dropped.
			tooLong, lr.start = true, lr.end
		}
		scanned = lr.end - lr.start
		lr.fill()
	}
}

// fill reads more into the block, moving the unfinished line to a new
// block, at least twice as large as the line, when the block is full.
func (lr *lineReader) fill() {
	if lr.end == len(lr.buf) {
		pending := lr.end - lr.start
		b := lr.newBlock(max(lr.block, 2*pending))
		copy(b, lr.buf[lr.start:lr.end])
		if lr.cur != nil {
			lr.cur.release() // the reader's own hold
			lr.cur = nil
		}
		if lr.recycle != nil {
			lr.cur = &lineBlockRef{buf: b, pool: lr.recycle}
			lr.cur.holds.Store(1)
		}
		lr.buf, lr.start, lr.end = b, 0, pending
	}
	n, err := lr.r.Read(lr.buf[lr.end:])
	lr.end += n
	switch {
	case err != nil:
		lr.err = err
	case n > 0:
		lr.empty = 0
	default:
		if lr.empty++; lr.empty >= maxEmptyReads {
			lr.err = io.ErrNoProgress
		}
	}
}

// newBlock returns a block of n bytes: one done with, when the reader
// reuses its blocks and has one of that size, else a new one.
func (lr *lineReader) newBlock(n int) []byte {
	if lr.recycle != nil {
		select {
		case b := <-lr.recycle.free:
			if len(b) == n {
				return b
			}
		default:
		}
	}
	return make([]byte, n)
}

// rest returns a reader of what is left of the input: what is read and
// not returned yet, then the rest of r (or the error that ended it).
func (lr *lineReader) rest() io.Reader {
	var tail io.Reader = lr.r
	if lr.err != nil {
		tail = errReader{lr.err}
	}
	return io.MultiReader(bytes.NewReader(lr.buf[lr.start:lr.end]), tail)
}

// errReader is a reader that fails with err.
type errReader struct{ err error }

// Read returns the reader's error.
func (e errReader) Read([]byte) (int, error) { return 0, e.err }
