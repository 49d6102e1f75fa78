package server

import (
	"context"
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

// TestBrowser starts the real server over SQLite and drives headless
// Chromium through it as a reader would: the story list, a story with its
// timeline, quotes and copy graph, an article with its highlighted reuse,
// a hostile article, and a phone-sized screen. Screenshots go to
// $STORYLINE_SCREENSHOTS when set, else to a temporary directory.
func TestBrowser(t *testing.T) {
	bin := chromiumPath()
	if bin == "" {
		t.Skip("Chromium not installed (apt-get install -y chromium); skipping the browser test")
	}
	shots := os.Getenv("STORYLINE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	st := testStores()[1].open(t) // SQLite: what users run
	seed(t, st)
	srv := New(Config{Store: st, Ingest: fakeIngest(st), Logger: quiet()})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	sctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(sctx, ln) }()
	defer func() {
		stop()
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()

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
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	// Start the browser on a context without a deadline: it lives as long
	// as that context. Each step below gets a deadline of its own.
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}

	// Collect what the pages report: console errors, exceptions, CSP
	// violations, and dialogs (which only script could open).
	var mu sync.Mutex
	var problems []string
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
				mu.Lock()
				problems = append(problems, string(m.Type)+": "+m.Text)
				mu.Unlock()
			}
		}
	}()
	if err := chromedp.Listen(browser, func(ev any) {
		if d, ok := ev.(*cdpage.EventJavascriptDialogOpening); ok {
			mu.Lock()
			problems = append(problems, "dialog: "+d.Message)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}

	step := func(name string, f func(ctx context.Context) error) {
		t.Helper()
		ctx, cancel := context.WithTimeout(browser, 30*time.Second)
		defer cancel()
		if err := f(ctx); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	shot := func(ctx context.Context, name string) error {
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
		if err != nil {
			return err
		}
		p := filepath.Join(shots, name)
		t.Logf("screenshot %s", p)
		return os.WriteFile(p, buf, 0o644)
	}
	titlesJS := `[...document.querySelectorAll('.story-title')].map(a => a.textContent)`
	count := func(ctx context.Context, sel string) (int, error) {
		return chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+"`"+sel+"`"+`).length`))
	}

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
		for i, sel := range []string{".text mark.reuse", ".text mark.quote", ".side-by-side .here, .side-by-side .there"} {
			if n[i], err = count(ctx, sel); err != nil {
				return err
			}
		}
		if n[0] != 1 || n[1] != 1 || n[2] != 2 || !strings.HasPrefix(relation, "copied from") {
			t.Errorf("article page: %d reuse marks, %d quote marks, %d side-by-side panes, relation %q", n[0], n[1], n[2], relation)
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

	stopConsole()
	<-consoleDone
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser reported %s", p)
	}
}
