// Package ingest turns paths and streams into a stream of articles. It
// expands files, folders, globs and "-" (stdin) into inputs, recognises
// each input's format by extension and content (plain text, HTML, JSON
// Lines or a JSON array, RSS/Atom, WARC), and yields one Item per article
// or per piece of bad input. Bad input never stops the rest: an unreadable
// file, a binary file, invalid UTF-8, an empty article, a malformed JSON
// line or an oversized file each become a Skip naming where and why.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
)

// DefaultMaxSize is the default limit on the size of one file, or of one
// record inside a JSON Lines or WARC stream: 50 MiB.
const DefaultMaxSize = 50 << 20

// Input is one thing to read: a file path, or "-" for stdin.
type Input struct {
	Path string
	// Size is the file's size in bytes (compressed size for .gz), or -1
	// for stdin; a progress bar sums it.
	Size int64
}

// Skip is one piece of input that was not ingested, and why.
type Skip struct {
	// Origin is a file (or "-" for stdin), "file:line" for a line of JSON
	// Lines, "file:#n" for the n-th element of a JSON array, item of a
	// feed or record of a WARC, "file:line#n" for the n-th article of a
	// wrapper object ({"articles": [...]}).
	Origin string
	Reason string
}

// String formats the skip as one line, "ORIGIN: REASON", with any line
// breaks in the reason flattened.
func (s Skip) String() string {
	return s.Origin + ": " + strings.Join(strings.Fields(s.Reason), " ")
}

// Item is one result of reading: an article, or a skip.
type Item struct {
	Article storyline.Article
	// Skip is set, and Article is zero, when the input was not ingested.
	Skip *Skip

	// work, when set, computes the item: readers defer extraction so
	// that a pool of workers can run it (see runOrdered).
	work func() Item
	// json, when set, is a JSON object whose article the item is, to be
	// decoded later as work is, with Article.Origin its origin: the
	// common case of work, which then needs no closure of its own.
	json []byte
	// input is the index of the input in ReadInputs.
	input int
	// block, when set, holds the block of a reader that reuses its
	// blocks (newRecyclingLineReader) that json is a line of: resolving
	// the item releases it, and keeps no Raw.
	block *lineBlockRef
}

// deferred returns an Item whose extraction is done by work, later, on
// whichever goroutine runs it.
func deferred(work func() Item) Item { return Item{work: work} }

// deferredJSON returns an Item whose article is decoded from the JSON
// object raw (see jsonArticle), later, on whichever goroutine runs it.
func deferredJSON(raw []byte, origin string) Item {
	if raw == nil {
		raw = []byte{} // (nil would mean no JSON: an empty one is skipped)
	}
	return Item{json: raw, Article: storyline.Article{Origin: origin}}
}

// isDeferred reports whether the item is still to be computed.
func (it *Item) isDeferred() bool { return it.work != nil || it.json != nil }

// Options tune reading. The zero value uses the defaults.
type Options struct {
	// MaxSize limits a text, HTML or feed file, and each line of JSON
	// Lines or record of a WARC (whose files may be any size), in bytes.
	// Zero means DefaultMaxSize; past MaxInputSize it is MaxInputSize.
	MaxSize int64
	// Stdin is what "-" reads; nil means os.Stdin.
	Stdin io.Reader
	// ReadTimeout limits the time to read one input (a stalled pipe or
	// network file); it is checked between reads. Zero means no limit.
	ReadTimeout time.Duration
	// Workers is the number of goroutines extracting articles (HTML
	// extraction is the costly part of reading). Items still come out in
	// input order. Zero or one means extraction runs on the caller's
	// goroutine.
	Workers int
	// DropRaw leaves every article's Raw nil, for a caller that never
	// reads the raw input (storyline cluster). JSON Lines are then read
	// into a few blocks of memory used again and again, where keeping
	// each line as its article's Raw takes memory as large as the input.
	DropRaw bool
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return min(o.MaxSize, MaxInputSize)
}

// MaxInputSize is the largest MaxSize takes: the stages address an
// article's text with 32-bit offsets (textproc.ScanWords, the copy
// finder), so no input of 2 GiB or more is read.
const MaxInputSize = math.MaxInt32

func (o Options) stdin() io.Reader {
	if o.Stdin == nil {
		return os.Stdin
	}
	return o.Stdin
}

// Expand turns command-line paths into inputs: a file is itself, a folder
// is every regular file under it (recursive, sorted by path, hidden files
// and folders skipped), a pattern with glob characters is its sorted
// matches (each expanded in turn), and "-" is stdin. Paths that do not
// exist or cannot be listed become skips. The order is deterministic:
// arguments in order, each expanded in sorted order; a file named twice is
// read once.
func Expand(ctx context.Context, paths []string) ([]Input, []Skip) {
	var ins []Input
	var skips []Skip
	seen := map[string]bool{}
	add := func(in Input) {
		if seen[in.Path] {
			return
		}
		seen[in.Path] = true
		ins = append(ins, in)
	}
	var expand func(p string, fromGlob bool)
	expand = func(p string, fromGlob bool) {
		if ctx.Err() != nil {
			return
		}
		if p == "-" {
			add(Input{Path: "-", Size: -1})
			return
		}
		if !fromGlob && strings.ContainsAny(p, "*?[") {
			matches, err := filepath.Glob(p)
			if err != nil {
				skips = append(skips, Skip{Origin: p, Reason: fmt.Sprintf("bad pattern: %v", err)})
				return
			}
			if len(matches) == 0 {
				if _, err := os.Lstat(p); err != nil {
					skips = append(skips, Skip{Origin: p, Reason: "no file matches the pattern"})
					return
				}
				matches = []string{p}
			}
			sort.Strings(matches)
			for _, m := range matches {
				expand(m, true)
			}
			return
		}
		fi, err := os.Stat(p)
		if err != nil {
			skips = append(skips, Skip{Origin: p, Reason: reason(err)})
			return
		}
		if !fi.IsDir() {
			if !fi.Mode().IsRegular() {
				skips = append(skips, Skip{Origin: p, Reason: "not a regular file"})
				return
			}
			add(Input{Path: p, Size: fi.Size()})
			return
		}
		var files []Input
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				skips = append(skips, Skip{Origin: path, Reason: reason(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err == nil && d.Type()&fs.ModeSymlink != 0 {
				// Follow links to files; a broken link is reported.
				info, err = os.Stat(path)
			}
			if err != nil {
				skips = append(skips, Skip{Origin: path, Reason: reason(err)})
				return nil
			}
			if !info.Mode().IsRegular() {
				return nil
			}
			files = append(files, Input{Path: path, Size: info.Size()})
			return nil
		})
		if err != nil && ctx.Err() == nil {
			skips = append(skips, Skip{Origin: p, Reason: reason(err)})
		}
		// WalkDir visits in lexical order per folder; sort the whole list
		// so that the order is by full path.
		sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
		for _, f := range files {
			add(f)
		}
	}
	for _, p := range paths {
		expand(p, false)
	}
	return ins, skips
}

// Paths expands paths and reads every input in order: the skips of the
// expansion first, then each input's items. It is Expand and Read in one
// loop for callers that need no per-input progress.
func Paths(ctx context.Context, paths []string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		ins, skips := Expand(ctx, paths)
		for i := range skips {
			if !yield(Item{Skip: &skips[i]}) {
				return
			}
		}
		for _, it := range ReadInputs(ctx, ins, opts) {
			if !yield(it) {
				return
			}
		}
	}
}

// reason turns an error into a short skip reason.
func reason(err error) string {
	var pe *fs.PathError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "read time limit exceeded"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case os.IsNotExist(err):
		return "no such file or folder"
	case os.IsPermission(err):
		return "permission denied"
	case errors.As(err, &pe):
		return fmt.Sprintf("unreadable: %v", pe.Err)
	}
	return "unreadable: " + err.Error()
}
