package server

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store/sqlite"
)

// chromiumPath finds Chromium: $STORYLINE_CHROMIUM, else /usr/bin/chromium,
// else one on $PATH.
func chromiumPath() string {
	if p := os.Getenv("STORYLINE_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserSession is a real server on loopback and a headless Chromium
// driving it, with what the pages reported.
type browserSession struct {
	t       *testing.T
	base    string
	ctx     context.Context
	shots   string
	mu      sync.Mutex
	reports []string
}

// newBrowser serves st and starts Chromium, or skips the test when
// Chromium is not installed. Everything stops when the test ends, and any
// console error, exception, CSP violation or dialog fails it.
func newBrowser(t *testing.T, st storyline.Store) *browserSession {
	bin := chromiumPath()
	if bin == "" {
		t.Skip("Chromium not installed (apt-get install -y chromium); skipping the browser test")
	}
	b := &browserSession{t: t, shots: os.Getenv("STORYLINE_SCREENSHOTS")}
	if b.shots == "" {
		b.shots = t.TempDir()
	} else if err := os.MkdirAll(b.shots, 0o755); err != nil {
		t.Fatal(err)
	}

	srv := New(Config{Store: st, Ingest: fakeIngest(st), Logger: quiet()})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b.base = "http://" + ln.Addr().String()
	sctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(sctx, ln) }()
	t.Cleanup(func() {
		stop()
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
	})

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1100, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(actx)
	// Start the browser on a context without a deadline: it lives as long
	// as that context. Each step gets a deadline of its own.
	if err := chromedp.Do(browser); err != nil {
		cancelBrowser()
		cancelAlloc()
		t.Fatalf("start Chromium: %v", err)
	}
	b.ctx = browser

	// Collect what the pages report: console errors, exceptions, CSP
	// violations, and dialogs (which only script could open).
	consoleCtx, stopConsole := context.WithCancel(browser)
	messages := chromedp.Console(consoleCtx)
	consoleDone := make(chan struct{})
	go func() {
		defer close(consoleDone)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" || m.Source == "security" {
				b.report(string(m.Type) + ": " + m.Text)
			}
		}
	}()
	if err := chromedp.Listen(browser, func(ev any) {
		if d, ok := ev.(*cdpage.EventJavascriptDialogOpening); ok {
			b.report("dialog: " + d.Message)
		}
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stopConsole()
		<-consoleDone
		cancelBrowser()
		cancelAlloc()
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, r := range b.reports {
			t.Errorf("browser reported %s", r)
		}
	})
	return b
}

func (b *browserSession) report(s string) {
	b.mu.Lock()
	b.reports = append(b.reports, s)
	b.mu.Unlock()
}

// step runs f with a deadline and fails the test on its error.
func (b *browserSession) step(name string, f func(ctx context.Context) error) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := f(ctx); err != nil {
		b.t.Fatalf("%s: %v", name, err)
	}
}

// shot saves a full-page PNG screenshot.
func (b *browserSession) shot(ctx context.Context, name string) error {
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
	if err != nil {
		return err
	}
	p := filepath.Join(b.shots, name)
	b.t.Logf("screenshot %s", p)
	return os.WriteFile(p, buf, 0o644)
}

// shotOf saves a PNG screenshot of the first element sel matches.
func (b *browserSession) shotOf(ctx context.Context, sel, name string) error {
	buf, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		return err
	}
	p := filepath.Join(b.shots, name)
	b.t.Logf("screenshot %s", p)
	return os.WriteFile(p, buf, 0o644)
}

// count counts the elements a CSS selector matches.
func (b *browserSession) count(ctx context.Context, sel string) (int, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+"`"+sel+"`"+`).length`))
}

// open navigates and waits for an element.
func (b *browserSession) open(ctx context.Context, path, wait string) error {
	return chromedp.Do(ctx, chromedp.Navigate(b.base+path), chromedp.WaitVisible(chromedp.CSS(wait)))
}

// TestBrowser starts the real server over SQLite and drives headless
// Chromium through it as a reader would: the story list, a story with its
// timeline, quotes and copy graph, an article with its highlighted reuse,
// a hostile article, and a phone-sized screen. Screenshots go to
// $STORYLINE_SCREENSHOTS when set, else to a temporary directory.
func TestBrowser(t *testing.T) {
	st := testStores()[1].open(t) // SQLite: what users run
	seed(t, st)
	b := newBrowser(t, st)
	base, step, shot, count := b.base, b.step, b.shot, b.count
	titlesJS := `[...document.querySelectorAll('.story-title')].map(a => a.textContent)`

	// The list: newest activity first, with a search box and a date filter.
	step("story list", func(ctx context.Context) error {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(".stories"))); err != nil {
			return err
		}
		titles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](titlesJS))
		if err != nil {
			return err
		}
		fields, err := count(ctx, "input[type=search][name=q], input[type=date][name=since], input[type=date][name=until]")
		if err != nil {
			return err
		}
		if len(titles) != 2 || titles[0] != hostile || titles[1] != "Port Velna dock workers strike" || fields != 3 {
			t.Errorf("list shows %q with %d search fields; want the hostile story (newest) then the strike, and 3 fields", titles, fields)
		}
		return shot(ctx, "list.png")
	})

	// Search narrows the list.
	step("search", func(ctx context.Context) error {
		if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`form.search input[name=q]`), "dock")); err != nil {
			return err
		}
		if _, err := chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS(`form.search input[name=q]`))); err != nil {
			return err
		}
		titles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](titlesJS))
		if err != nil {
			return err
		}
		if len(titles) != 1 || titles[0] != "Port Velna dock workers strike" {
			t.Errorf("search for dock shows %q", titles)
		}
		return nil
	})

	// Open the story: timeline, quotes by speaker, sources, copy graph.
	step("story page", func(ctx context.Context) error {
		if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`a[href="/stories/s1"]`))); err != nil {
			return err
		}
		if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#timeline"))); err != nil {
			return err
		}
		headline, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
		if err != nil {
			return err
		}
		speaker, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".speaker h3")))
		if err != nil {
			return err
		}
		first, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".sources .first")))
		if err != nil {
			return err
		}
		var n [4]int
		for i, sel := range []string{"#timeline .event", ".speaker .wording", "svg.copygraph circle", "svg.copygraph path.edge"} {
			if n[i], err = count(ctx, sel); err != nil {
				return err
			}
		}
		if headline != "Port Velna dock workers strike" || n[0] != 2 || n[1] != 2 || !strings.Contains(speaker, "Marta Oren") ||
			!strings.Contains(first, "agency.example") || n[2] != 3 || n[3] != 1 {
			t.Errorf("story page: headline %q, %d events, speaker %q with %d wordings, %q, graph %d nodes %d edges",
				headline, n[0], speaker, n[1], first, n[2], n[3])
		}
		return shot(ctx, "story.png")
	})

	// Open the copy from the timeline: reused text highlighted and shown
	// beside its source, the quote marked.
	step("article page", func(ctx context.Context) error {
		if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`#timeline a[href="/articles/a2"]`))); err != nil {
			return err
		}
		if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".article .text"))); err != nil {
			return err
		}
		relation, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".copy-block h3")))
		if err != nil {
			return err
		}
		var n [3]int
		for i, sel := range []string{".text mark.reuse", ".text mark.quote", ".side-by-side.same .here"} {
			if n[i], err = count(ctx, sel); err != nil {
				return err
			}
		}
		if n[0] != 1 || n[1] != 1 || n[2] != 1 || !strings.HasPrefix(relation, "copied from") {
			t.Errorf("article page: %d reuse marks, %d quote marks, %d word-for-word passages, relation %q", n[0], n[1], n[2], relation)
		}
		return shot(ctx, "article.png")
	})

	// The hostile article shows its markup as text and runs nothing.
	step("hostile article", func(ctx context.Context) error {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/articles/x1"), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			return err
		}
		title, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
		if err != nil {
			return err
		}
		n, err := count(ctx, "script, img")
		if err != nil {
			return err
		}
		if title != hostile || n != 0 {
			t.Errorf("hostile article: title %q, %d script or img elements", title, n)
		}
		return nil
	})

	// A phone: the story page fits the width; nothing needs zooming.
	step("phone", func(ctx context.Context) error {
		if err := chromedp.Do(ctx,
			chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
			chromedp.Navigate(base+"/stories/s1"),
			chromedp.WaitVisible(chromedp.CSS("#timeline")),
		); err != nil {
			return err
		}
		overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil {
			return err
		}
		if overflow {
			t.Error("story page is wider than a phone screen")
		}
		return shot(ctx, "story-phone.png")
	})

}

// TestBrowserCorpus shows the sample corpus, read by the real ingest
// reader, in the browser: the list, the longest story, a Russian story and
// an agency copy beside its original.
func TestBrowserCorpus(t *testing.T) {
	st := testStores()[1].open(t)
	truth := corpusStore(t, st)
	b := newBrowser(t, st)
	b.step("list", func(ctx context.Context) error {
		if err := b.open(ctx, "/", ".stories"); err != nil {
			return err
		}
		n, err := b.count(ctx, ".story-title")
		if err != nil {
			return err
		}
		if n != len(truth.Stories) {
			t.Errorf("list shows %d stories, want %d", n, len(truth.Stories))
		}
		return b.shot(ctx, "corpus-list.png")
	})
	b.step("story", func(ctx context.Context) error {
		if err := b.open(ctx, "/stories/kessling-bridge", "#timeline"); err != nil {
			return err
		}
		var n [3]int
		var err error
		for i, sel := range []string{"#timeline .event", "svg.copygraph path.edge", ".speaker"} {
			if n[i], err = b.count(ctx, sel); err != nil {
				return err
			}
		}
		if n[0] != 4 || n[1] == 0 || n[2] < 3 {
			t.Errorf("kessling-bridge: %d events (want 4), %d copy edges, %d speakers", n[0], n[1], n[2])
		}
		for sel, name := range map[string]string{"main": "corpus-story.png", "section.summary": "corpus-summary.png",
			"section.timeline": "corpus-timeline.png", "section.graph": "corpus-graph.png", "section.quotes": "corpus-quotes.png"} {
			if err := b.shotOf(ctx, sel, name); err != nil {
				return err
			}
		}
		return nil
	})
	b.step("russian story", func(ctx context.Context) error {
		if err := b.open(ctx, "/stories/zarechensk-flood", "#timeline"); err != nil {
			return err
		}
		h, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
		if err != nil {
			return err
		}
		if !strings.Contains(h, "Зареченск") {
			t.Errorf("Russian story headline %q", h)
		}
		return b.shot(ctx, "corpus-story-ru.png")
	})
	b.step("copy", func(ctx context.Context) error {
		if err := b.open(ctx, "/articles/nh-0228-kessling-bridge", ".article .text"); err != nil {
			return err
		}
		n, err := b.count(ctx, ".side-by-side")
		if err != nil {
			return err
		}
		marks, err := b.count(ctx, ".text mark.reuse")
		if err != nil {
			return err
		}
		if n == 0 || marks == 0 {
			t.Errorf("agency copy: %d side-by-side passages, %d reuse marks", n, marks)
		}
		return b.shot(ctx, "corpus-article.png")
	})
}

// TestBrowserDatabase walks a database the real pipeline filled — set
// STORYLINE_E2E_DB, e.g. after `storyline --db /tmp/demo.db demo` — and
// screenshots the list, the two most recent stories and an article that
// shares text. It checks only that every page renders without a browser
// error; the screenshots are for a person to judge.
func TestBrowserDatabase(t *testing.T) {
	path := os.Getenv("STORYLINE_E2E_DB")
	if path == "" {
		t.Skip("STORYLINE_E2E_DB not set: skipping the walk through a real database")
	}
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stories, err := st.Stories(context.Background(), storyline.StoryFilter{Limit: 2})
	if err != nil || len(stories) == 0 {
		t.Fatalf("stories: %v (%d)", err, len(stories))
	}
	copies, err := st.Copies(context.Background(), storyline.CopyFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, st)
	pages := []struct{ path, wait, name string }{{"/", "main", "db-list.png"}}
	for i, s := range stories {
		pages = append(pages, struct{ path, wait, name string }{"/stories/" + s.ID, "#timeline", fmt.Sprintf("db-story-%d.png", i)})
	}
	if len(copies) > 0 {
		pages = append(pages, struct{ path, wait, name string }{"/articles/" + copies[0].B, ".article .text", "db-article.png"})
	}
	for _, p := range pages {
		b.step(p.path, func(ctx context.Context) error {
			if err := b.open(ctx, p.path, p.wait); err != nil {
				return err
			}
			if n, err := b.count(ctx, ".side-by-side:not(.same)"); err == nil && n > 0 {
				if err := b.shotOf(ctx, ".side-by-side:not(.same)", "diff-"+p.name); err != nil {
					return err
				}
			}
			return b.shot(ctx, p.name)
		})
	}
}
