package sqlite

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

func loadBatches(t testing.TB) []storyline.Batch {
	f, err := os.Open("/tmp/store-w/g20.gob")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	var out []storyline.Batch
	for {
		var b storyline.Batch
		if err := dec.Decode(&b); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func TestZZStats(t *testing.T) {
	bs := loadBatches(t)
	var arts, quotes, copies, asg, merges, titles, recl int
	state := map[string][2]int{}
	spk := 0
	stm := 0
	for _, b := range bs {
		arts += len(b.Articles)
		for _, qs := range b.Quotes {
			quotes += len(qs)
			sp := map[string]bool{}
			st := map[string]bool{}
			for _, q := range qs {
				if q.Speaker != "" {
					sp[q.Speaker] = true
				}
				if q.Statement != "" {
					st[q.Statement] = true
				}
			}
			spk += len(sp)
			stm += len(st)
		}
		copies += len(b.Copies)
		asg += len(b.Assignments)
		merges += len(b.Merges)
		titles += len(b.Titles)
		recl += len(b.Recleaned)
		for s, kv := range b.State {
			x := state[s]
			for _, v := range kv {
				x[0]++
				x[1] += len(v)
			}
			state[s] = x
		}
	}
	t.Logf("batches %d arts %d quotes %d (distinct speakers/article-sum %d statements %d) copies %d asg %d merges %d titles %d recleaned %d", len(bs), arts, quotes, spk, stm, copies, asg, merges, titles, recl)
	for s, x := range state {
		t.Logf("state %s: %d values %d bytes", s, x[0], x[1])
	}
}

func suffix(s string, r int) string {
	if r == 0 || s == "" {
		return s
	}
	return fmt.Sprintf("%s~%d", s, r)
}

// renamed returns b with every id suffixed for round r.
func renamed(b storyline.Batch, r int) storyline.Batch {
	if r == 0 {
		return b
	}
	var o storyline.Batch
	for _, a := range b.Articles {
		a.ID = suffix(a.ID, r)
		a.Hash = suffix(a.Hash, r)
		o.Articles = append(o.Articles, a)
	}
	for _, a := range b.Recleaned {
		a.ID = suffix(a.ID, r)
		a.Hash = suffix(a.Hash, r)
		o.Recleaned = append(o.Recleaned, a)
	}
	for _, c := range b.Copies {
		c.A, c.B = suffix(c.A, r), suffix(c.B, r)
		o.Copies = append(o.Copies, c)
	}
	for _, a := range b.Assignments {
		a.Article, a.Event, a.Story = suffix(a.Article, r), suffix(a.Event, r), suffix(a.Story, r)
		o.Assignments = append(o.Assignments, a)
	}
	for _, m := range b.Merges {
		m.From, m.Into = suffix(m.From, r), suffix(m.Into, r)
		o.Merges = append(o.Merges, m)
	}
	if b.Titles != nil {
		o.Titles = map[string]string{}
		for k, v := range b.Titles {
			o.Titles[suffix(k, r)] = v
		}
	}
	if b.Quotes != nil {
		o.Quotes = map[string][]storyline.Quote{}
		for k, qs := range b.Quotes {
			nq := make([]storyline.Quote, len(qs))
			for i, q := range qs {
				q.Article = suffix(q.Article, r)
				q.Statement = suffix(q.Statement, r)
				nq[i] = q
			}
			o.Quotes[suffix(k, r)] = nq
		}
	}
	if b.State != nil {
		o.State = map[string]map[string][]byte{}
		for s, kv := range b.State {
			n := map[string][]byte{}
			for k, v := range kv {
				n[suffix(k, r)] = v
			}
			o.State[s] = n
		}
	}
	return o
}

func writeBytes() int64 {
	b, _ := os.ReadFile("/proc/self/io")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "write_bytes:") {
			var n int64
			fmt.Sscan(strings.TrimPrefix(l, "write_bytes:"), &n)
			return n
		}
	}
	return 0
}

// TestZZReplay replays the recorded batches ZZROUNDS times.
func TestZZReplay(t *testing.T) {
	bs := loadBatches(t)
	rounds := 1
	fmt.Sscan(os.Getenv("ZZROUNDS"), &rounds)
	dir := os.Getenv("ZZDIR")
	if dir == "" {
		dir = t.TempDir()
	}
	db, err := Open(context.Background(), filepath.Join(dir, "replay.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for r := range rounds {
		var cpu, wall time.Duration
		n := 0
		w0 := writeBytes()
		for i, b := range bs {
			rb := renamed(b, r)
			t0, c0 := time.Now(), cpuTime()
			if _, err := db.Commit(ctx, rb); err != nil {
				t.Fatalf("round %d batch %d: %v", r, i, err)
			}
			cpu += cpuTime() - c0
			wall += time.Since(t0)
			n += len(rb.Articles)
		}
		w := writeBytes() - w0
		t.Logf("round %d: %d articles: cpu %.0f µs/article wall %.0f µs/article, disk writes %.1f KB/article", r, n,
			float64(cpu.Microseconds())/float64(n), float64(wall.Microseconds())/float64(n), float64(w)/1024/float64(n))
	}
}

func TestZZKeys(t *testing.T) {
	bs := loadBatches(t)
	for _, i := range []int{10, 50} {
		b := bs[i]
		for s, kv := range b.State {
			n := 0
			del := 0
			for k, v := range kv {
				if v == nil {
					del++
				}
				if n < 6 {
					t.Logf("batch %d %s key %q len %d", i, s, k, len(v))
				}
				n++
			}
			t.Logf("batch %d %s: %d keys %d deletes", i, s, len(kv), del)
		}
		n := 0
		for k, qs := range b.Quotes {
			if n < 2 {
				for _, q := range qs[:min(3, len(qs))] {
					t.Logf("quote %s speaker %q stmt %q", k, q.Speaker, q.Statement)
				}
			}
			n++
		}
		t.Logf("titles %d merges %d", len(b.Titles), len(b.Merges))
	}
}

// TestZZWal attributes the WAL frames of a stretch of batches to b-trees.
func TestZZWal(t *testing.T) {
	bs := loadBatches(t)
	from, to := 40, 60
	fmt.Sscan(os.Getenv("ZZFROM"), &from)
	fmt.Sscan(os.Getenv("ZZTO"), &to)
	dir := t.TempDir()
	path := filepath.Join(dir, "replay.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for i, b := range bs[:to] {
		if i == from {
			if _, err := db.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
				t.Fatal(err)
			}
			if _, err := db.w.ExecContext(ctx, "PRAGMA wal_autocheckpoint=0"); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	wal, err := os.ReadFile(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	ps := int(binary.BigEndian.Uint32(wal[8:12]))
	frames := map[uint32]int{}
	nf := 0
	for off := 32; off+24+ps <= len(wal); off += 24 + ps {
		frames[binary.BigEndian.Uint32(wal[off:off+4])]++
		nf++
	}
	rows, err := db.w.QueryContext(ctx, "SELECT name, pageno FROM dbstat")
	if err != nil {
		t.Fatal(err)
	}
	owner := map[uint32]string{}
	for rows.Next() {
		var name string
		var pg uint32
		rows.Scan(&name, &pg)
		owner[pg] = name
	}
	rows.Close()
	per := map[string][2]int{}
	for pg, n := range frames {
		x := per[owner[pg]]
		x[0] += n
		x[1]++
		per[owner[pg]] = x
	}
	var names []string
	for k := range per {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return per[names[i]][0] > per[names[j]][0] })
	arts := 0
	for _, b := range bs[from:to] {
		arts += len(b.Articles)
	}
	t.Logf("%d frames for %d articles: %.1f pages/article (%d KB/article)", nf, arts, float64(nf)/float64(arts), nf*ps/1024/arts)
	for _, k := range names {
		t.Logf("%-28s frames %6d (%.2f/article) distinct pages %6d", k, per[k][0], float64(per[k][0])/float64(arts), per[k][1])
	}
}
