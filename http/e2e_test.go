package http_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parley-news/parley"
	parleyhttp "github.com/parley-news/parley/http"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/sqlite"
)

// These tests drive the web UI in headless Chromium as a reader would. They
// skip when no Chromium is installed (Debian: apt-get install chromium),
// except in CI (PARLEY_CI or CI set, as .ci/run does), where a missing
// browser fails them. Screenshots go to $PARLEY_ARTIFACTS, else
// testdata/artifacts at the module root (git-ignored).

// inCI reports whether the tests run in CI, where what they need must be
// there.
func inCI() bool {
	for _, name := range []string{"PARLEY_CI", "CI"} {
		if v := os.Getenv(name); v != "" && v != "0" && !strings.EqualFold(v, "false") {
			return true
		}
	}
	return false
}

func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("PARLEY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if inCI() {
		t.Fatal("no Chromium found, and in CI the browser tests must run: install Debian's chromium package (.ci/run does) or set PARLEY_CHROMIUM")
	}
	t.Skip("no Chromium found (install Debian's chromium package or set PARLEY_CHROMIUM): skipping the browser tests")
	return ""
}

// TestBrowserTestsFailWithoutABrowserInCI runs a browser test in a child
// process that cannot find Chromium: with PARLEY_CI=1 it must fail, without
// it skip.
func TestBrowserTestsFailWithoutABrowserInCI(t *testing.T) {
	run := func(ci string) (string, error) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestUIArticleClaimsPeopleEventsSearch$", "-test.v")
		cmd.Env = []string{"PATH=" + t.TempDir(), "HOME=" + t.TempDir(), "PARLEY_CI=" + ci}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run("1")
	if err == nil || !strings.Contains(out, "in CI the browser tests must run") {
		t.Errorf("with PARLEY_CI=1 and no browser: %v\n%s\nwant a failure that says why", err, out)
	}
	out, err = run("")
	if err != nil || !strings.Contains(out, "SKIP") {
		t.Errorf("without PARLEY_CI and no browser: %v\n%s\nwant a skip", err, out)
	}
}

func artifacts(t *testing.T) string {
	dir := os.Getenv("PARLEY_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "testdata", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser starts a headless Chromium with a fresh profile and no network
// chatter, and returns a context for driving one tab.
func browser(t *testing.T) context.Context {
	exe := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return ctx
}

// open loads the UI at a route and waits until the page says it rendered it.
// Each load has its own query string, so that it is a full navigation and
// not a change of the fragment alone.
func open(base, route string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(fmt.Sprintf("%s/?load=%d#%s", base, time.Now().UnixNano(), route)),
		chromedp.WaitReady(chromedp.CSS(fmt.Sprintf(`body[data-ready=%q]`, route))),
	)
}

// screenshot saves the page, after checking that it shows no rendering
// slip (a JavaScript value printed instead of an element).
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if body := text(t, ctx, "body"); strings.Contains(body, "[object ") || strings.Contains(body, "undefined") {
		t.Errorf("%s: the page shows a JavaScript value: %q", name, body)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(artifacts(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

func count(t *testing.T, ctx context.Context, selector string) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, selector)))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func text(t *testing.T, ctx context.Context, selector string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(selector), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("text of %s: %v", selector, err)
	}
	return s
}

func attr(t *testing.T, ctx context.Context, selector, name string) string {
	t.Helper()
	r, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(selector), name))
	if err != nil {
		t.Fatalf("attribute %s of %s: %v", name, selector, err)
	}
	return r.Value
}

func TestUIArticleClaimsPeopleEventsSearch(t *testing.T) {
	ctx := browser(t)
	store := newStore(t)
	srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{}))
	defer srv.Close()
	bg := context.Background()
	arts, _ := store.Articles(bg, parley.ArticleFilter{Text: "Geneva"})
	geneva := arts.Items[0].ID
	lavrov, _ := store.Entities(bg, parley.EntityFilter{Name: "Sergey Lavrov"})
	peskov, _ := store.Entities(bg, parley.EntityFilter{Name: "Peskov"})

	// The article: quotes highlighted, speakers linked, hover shows the cue,
	// channel and relaying outlet.
	if err := chromedp.Do(ctx, open(srv.URL, "/article/"+geneva)); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ctx, `mark.quote[data-speaker="Sergey Lavrov"]`); n < 1 {
		t.Errorf("no highlighted quote by Sergey Lavrov")
	}
	if n := count(t, ctx, `mark.quote`); n < 3 {
		t.Errorf("%d highlighted quote parts; want the 3 quotes", n)
	}
	href := attr(t, ctx, `a.mention.speaker`, "href")
	if !strings.HasPrefix(href, "#/entity/e") {
		t.Errorf("speaker link = %q; want an entity page", href)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('mark.quote[data-quote-id="Q3"]').dispatchEvent(new MouseEvent("mouseover", {bubbles: true}))`)); err != nil {
		t.Fatal(err)
	}
	if tip := text(t, ctx, "#tooltip"); !strings.Contains(tip, "Reuters") || !strings.Contains(tip, "told") {
		t.Errorf("tooltip of the relayed quote = %q; want its cue and relaying outlet", tip)
	}
	if n := count(t, ctx, `#article-claims .claim-card[data-status="disputed"]`); n != 1 {
		t.Errorf("the article lists %d disputed claims; want the summit claim, disputed in another article", n)
	}
	screenshot(t, ctx, "article.png")

	// The claims board, then the disputed claim with both sides.
	if err := chromedp.Do(ctx, open(srv.URL, "/claims")); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ctx, `#disputed .claim-card`); n != 1 {
		t.Errorf("%d disputed claims on the board; want 1", n)
	}
	if n := count(t, ctx, `#corroborated .claim-card`); n != 1 {
		t.Errorf("%d corroborated claims on the board; want 1", n)
	}
	screenshot(t, ctx, "claims-board.png")
	claimHref := attr(t, ctx, `#disputed .claim-card a`, "href")
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#disputed .claim-card a`), chromedp.NodeVisible),
		chromedp.WaitReady(chromedp.CSS(fmt.Sprintf(`body[data-ready=%q]`, strings.TrimPrefix(claimHref, "#")))),
	); err != nil {
		t.Fatal(err)
	}
	if pro := text(t, ctx, "#side-for"); !strings.Contains(pro, "sources familiar with the talks") {
		t.Errorf("the asserting side = %q", pro)
	}
	if con := text(t, ctx, "#side-against"); !strings.Contains(con, "Dmitry Peskov") || !strings.Contains(con, "No dates have been set") {
		t.Errorf("the denying side = %q", con)
	}
	screenshot(t, ctx, "claim-disputed.png")

	// A person page: roles over time, quotes, who agrees and disagrees.
	if err := chromedp.Do(ctx, open(srv.URL, "/entity/"+lavrov.Items[0].ID)); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ctx, "#roles tbody tr"); n != 2 {
		t.Errorf("Lavrov has %d roles listed; want one from each article", n)
	}
	if n := count(t, ctx, "#person-quotes li"); n != 2 {
		t.Errorf("Lavrov has %d quotes listed; want 2", n)
	}
	if agree := text(t, ctx, ".side-for"); !strings.Contains(agree, "Marco Rubio") {
		t.Errorf("Lavrov agrees with = %q; want Marco Rubio (both assert the embassy claim)", agree)
	}
	screenshot(t, ctx, "person.png")
	if err := chromedp.Do(ctx, open(srv.URL, "/entity/"+peskov.Items[0].ID)); err != nil {
		t.Fatal(err)
	}
	if dis := text(t, ctx, ".side-against"); !strings.Contains(dis, "sources familiar with the talks") {
		t.Errorf("Peskov disagrees with = %q", dis)
	}

	// Events: timeline and actor pairs.
	if err := chromedp.Do(ctx, open(srv.URL, "/events?actor=Lavrov&actor=Rubio")); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ctx, "#timeline .event"); n != 2 {
		t.Errorf("%d events between Lavrov and Rubio; want 2", n)
	}
	if pairs := text(t, ctx, "#pairs"); !strings.Contains(pairs, "Sergey Lavrov → Marco Rubio") {
		t.Errorf("actor pairs = %q", pairs)
	}
	screenshot(t, ctx, "events.png")

	// Search.
	if err := chromedp.Do(ctx, open(srv.URL, "/search?q=summit")); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ctx, "main .quote-list li"); n < 1 {
		t.Errorf("search for summit found no quotes")
	}
	screenshot(t, ctx, "search.png")

	// A phone: the article reads without sideways scrolling.
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile),
		open(srv.URL, "/article/"+geneva),
	); err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Errorf("the article view scrolls sideways on a 390px phone")
	}
	screenshot(t, ctx, "article-phone.png")
}

// TestUIWorkedExample analyses the worked example with the real pipeline,
// opens it, sees Ushakov's quotes highlighted, and opens a disputed claim.
func TestUIWorkedExample(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "riyadh-talks.txt")) // bundled: the test always runs
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := time.Parse(time.DateOnly, "2025-02-18")
	a, err := p.Extract(context.Background(), parley.Document{ID: "riyadh-talks", Title: "US and Russian officials meet in Riyadh", Text: string(raw), Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	ushakov := 0
	for _, q := range a.Quotes {
		if strings.Contains(q.SpeakerName, "Ushakov") {
			ushakov++
		}
	}
	if ushakov == 0 {
		t.Fatal("the pipeline attributes no quote to Ushakov in the worked example (it did: a regression)")
	}
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.PutAnalysis(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{}))
	defer srv.Close()
	id := a.Document.ContentHash()[:16]
	if err := chromedp.Do(ctx, open(srv.URL, "/article/"+id)); err != nil {
		t.Fatal(err)
	}
	marked, err := chromedp.Run(ctx, chromedp.Evaluate[int](`new Set([...document.querySelectorAll('mark.quote[data-speaker*="Ushakov"]')].map(m => m.dataset.quoteId)).size`))
	if err != nil {
		t.Fatal(err)
	}
	if marked != ushakov {
		t.Errorf("%d of Ushakov's %d quotes are highlighted", marked, ushakov)
	}
	if n := count(t, ctx, `#quote-list li`); n != len(a.Quotes) {
		t.Errorf("%d quotes listed beside the article; want %d", n, len(a.Quotes))
	}
	screenshot(t, ctx, "worked-example-article.png")

	// A disputed claim with someone on each side.
	claims, err := store.Claims(context.Background(), parley.ClaimFilter{Status: "disputed"})
	if err != nil {
		t.Fatal(err)
	}
	var both *parley.ClaimRecord
	for i, c := range claims.Items {
		pro, con := false, false
		for _, s := range c.Stances {
			switch parley.Stance(s.Stance) {
			case parley.Asserts, parley.Confirms:
				pro = true
			default:
				con = true
			}
		}
		if pro && con && both == nil {
			both = &claims.Items[i]
		}
	}
	if both == nil {
		t.Fatal("the pipeline finds no disputed claim with both sides in the worked example (it did: a regression)")
	}
	if err := chromedp.Do(ctx, open(srv.URL, "/claims")); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ctx, "#disputed .claim-card"); n != len(claims.Items) {
		t.Errorf("%d disputed claims on the board; want %d", n, len(claims.Items))
	}
	screenshot(t, ctx, "worked-example-claims.png")
	href := "#/claim/" + both.ID
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#disputed .claim-card[data-claim-id=%q] a`, both.ID)), chromedp.NodeVisible),
		chromedp.WaitReady(chromedp.CSS(fmt.Sprintf(`body[data-ready=%q]`, "/claim/"+both.ID)))); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ctx, "#side-for li"); n == 0 {
		t.Errorf("the disputed claim %s shows nobody asserting it", href)
	}
	if n := count(t, ctx, "#side-against li"); n == 0 {
		t.Errorf("the disputed claim %s shows nobody denying it", href)
	}
	screenshot(t, ctx, "worked-example-claim.png")
}
