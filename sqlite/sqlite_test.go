package sqlite_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/sqlite"
	"github.com/parley-news/parley/storetest"
)

func openTemp(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parley.Store { return openTemp(t) })
}

func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	rawExec(t, path, fmt.Sprintf("PRAGMA user_version=%d", sqlite.SchemaVersion+1))
	_, err = sqlite.Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "newer than this parley") || !strings.Contains(err.Error(), path) {
		t.Errorf("Open(newer schema) = %v; want an error naming the file and the version", err)
	}
}

func TestOpenRefusesOtherDatabases(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "other.db")
	rawExec(t, foreign, "CREATE TABLE accounts (id INTEGER)")
	if _, err := sqlite.Open(context.Background(), foreign); err == nil || !strings.Contains(err.Error(), "another application") {
		t.Errorf("Open(foreign SQLite) = %v; want a refusal", err)
	}
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, bytes.Repeat([]byte("not a database at all "), 400), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.Open(context.Background(), junk); err == nil || !strings.Contains(err.Error(), "damaged or not a SQLite database") {
		t.Errorf("Open(junk) = %v; want a clear error", err)
	}
}

func TestDamagedDatabaseGivesClearErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutAnalyses(context.Background(), storetest.Corpus()); err != nil {
		t.Fatal(err)
	}
	s.Close() // checkpoints the WAL into the main file
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Overwrite everything after the first page (the schema) with garbage.
	for i := 4096; i < len(data); i++ {
		data[i] = byte(i * 7)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = sqlite.Open(context.Background(), path)
	if err != nil {
		if !strings.Contains(err.Error(), path) {
			t.Errorf("Open(damaged) = %v; want the file named", err)
		}
		return
	}
	defer s.Close()
	_, err = s.Quotes(context.Background(), parley.QuoteFilter{Speaker: "Lavrov"})
	if err == nil {
		_, err = s.Stats(context.Background())
	}
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("query on a damaged file = %v; want a clear error", err)
	}
}

func TestNewExtractorVersionReplacesAnalysis(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutAnalyses(ctx, storetest.Corpus()); err != nil {
		t.Fatal(err)
	}
	// The kremlin text is given two more ids, one of which another text was
	// given before: the replacing analysis must keep them, in their places.
	other := storetest.NewAnalysis("shared", "Earlier", "Daily Ledger", "2025-03-01", "An earlier story given the same id.").Analysis()
	k1, k2 := storetest.Corpus()[1], storetest.Corpus()[1]
	k1.Document.ID, k2.Document.ID = "shared", "kremlin-2"
	if _, err := s.PutAnalyses(ctx, []*parley.Doc{other, k1, k2}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Stats(ctx)
	rawExec(t, path, "UPDATE documents SET version = '0.0.0-old' WHERE source_id = 'kremlin'")
	var stale []parley.Document
	if err := s.Documents(ctx, parley.Version, func(d parley.Document) error { stale = append(stale, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(stale) != 1 || stale[0].ID != "kremlin" {
		t.Fatalf("Documents(other versions) = %v; want the kremlin article", stale)
	}
	ok, err := s.PutAnalysis(ctx, storetest.Corpus()[1])
	if err != nil || !ok {
		t.Fatalf("PutAnalysis of an older version's content = %v, %v; want it replaced", ok, err)
	}
	after, _ := s.Stats(ctx)
	if after != before {
		t.Errorf("stats after reprocessing = %+v; want %+v", after, before)
	}
	for _, id := range []string{"kremlin", "kremlin-2", "shared"} {
		want := storetest.TextKremlin
		if a, err := s.Article(ctx, id); err != nil || a.Text != want {
			t.Errorf("after reprocessing, Article(%q) = %v; want %.30q", id, err, want)
		}
	}
	p, err := s.Entities(ctx, parley.EntityFilter{Name: "Lavrov"})
	if err != nil || len(p.Items) != 1 || p.Items[0].Articles != 2 || p.Items[0].Quotes != 2 {
		t.Errorf("Lavrov after reprocessing = %+v, %v; want 2 articles, 2 quotes", p.Items, err)
	}
	c, err := s.Claims(ctx, parley.ClaimFilter{Status: "disputed"})
	if err != nil || len(c.Items) != 1 || len(c.Items[0].Stances) != 2 {
		t.Errorf("disputed claims after reprocessing = %+v, %v", c.Items, err)
	}
}

// TestKillDuringWritesLosesNothingCommitted runs a writer in a child process,
// kills it with SIGKILL in the middle of its writes, and checks that every
// batch it had reported committed is in the database, which is intact.
func TestKillDuringWritesLosesNothingCommitted(t *testing.T) {
	if os.Getenv("PARLEY_SQLITE_CRASH_DB") != "" {
		crashWriter(os.Getenv("PARLEY_SQLITE_CRASH_DB"))
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	path := filepath.Join(t.TempDir(), "parley.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringWritesLosesNothingCommitted$")
	cmd.Env = append(os.Environ(), "PARLEY_SQLITE_CRASH_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var committed []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if h, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
			committed = append(committed, strings.Fields(h)...)
			if len(committed) >= 300 {
				break
			}
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	if len(committed) < 300 {
		t.Fatalf("the writer committed only %d documents before it stopped", len(committed))
	}
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	for _, h := range committed {
		if ok, err := s.HasContent(context.Background(), h); err != nil || !ok {
			t.Fatalf("committed document %s lost after kill -9 (%v)", h, err)
		}
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check after kill = %q, %v", check, err)
	}
}

func crashWriter(path string) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		var batch []*parley.Doc
		var hashes []string
		for j := range 10 {
			a := storetest.NewAnalysis(fmt.Sprintf("crash-%d-%d", i, j), "t", "Crash Daily", "2025-01-01",
				fmt.Sprintf("Batch %d item %d. %s", i, j, storetest.TextSmiths)).
				Person("E1", "Jane Smith", nil, []string{"the mayor of Springfield"}, "", "").
				Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: "the bridge would reopen in May", Speaker: "E1", Cue: "said"}).
				Analysis()
			batch = append(batch, a)
			hashes = append(hashes, a.Document.ContentHash())
		}
		if _, err := s.PutAnalyses(ctx, batch); err != nil {
			fmt.Println("put:", err)
			os.Exit(1)
		}
		fmt.Println("committed", strings.Join(hashes, " "))
	}
}

// TestTwoWritersOnOneFile writes from two stores (two connections, as two
// processes would) at once: nothing is lost, and the entity both name is
// one entity, because each writer drops its resolution cache when the other
// has written.
func TestTwoWritersOnOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	ctx := context.Background()
	var stores [2]*sqlite.Store
	for i := range stores {
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	const each = 30
	errs := make(chan error, 2*each)
	done := make(chan bool)
	for w, s := range stores {
		go func() {
			defer func() { done <- true }()
			for i := range each {
				a := storetest.NewAnalysis(fmt.Sprintf("w%d-%d", w, i), "t", "Two Writers Daily", "2025-01-01",
					fmt.Sprintf("Writer %d, article %d. %s", w, i, storetest.TextSmiths)).
					Person("E1", "Jane Smith", nil, []string{"the mayor of Springfield"}, "", "").
					Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: "the bridge would reopen in May", Speaker: "E1", Cue: "said"}).
					Analysis()
				if _, err := s.PutAnalyses(ctx, []*parley.Doc{a}); err != nil {
					errs <- err
				}
			}
		}()
	}
	<-done
	<-done
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	p, err := stores[0].Entities(ctx, parley.EntityFilter{Name: "Jane Smith"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 || p.Items[0].Articles != 2*each || p.Items[0].Quotes != 2*each {
		t.Errorf("Jane Smith after two writers = %+v; want one entity with %d articles and quotes", p.Items, 2*each)
	}
}

// TestWriterSeesAnotherWritersMerge: a store that resolved "Jane Smith"
// before another connection merged her entity into another links the next
// article to the kept entity, not to the merged one.
func TestWriterSeesAnotherWritersMerge(t *testing.T) {
	ctx := context.Background()
	a, b := twoStores(t)
	article := func(i int) *parley.Doc {
		return storetest.NewAnalysis(fmt.Sprint("jane-", i), "t", "X", "2025-01-01", fmt.Sprintf("Item %d. %s", i, storetest.TextSmiths)).
			Person("E1", "Jane Smith", nil, []string{"the mayor of Springfield"}, "", "").
			Person("E2", "John Smith", nil, []string{"a local businessman"}, "", "").
			Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: "the bridge would reopen in May", Speaker: "E1", Cue: "said"}).
			Analysis()
	}
	if _, err := b.PutAnalysis(ctx, article(1)); err != nil {
		t.Fatal(err)
	}
	jane, _ := a.Entities(ctx, parley.EntityFilter{Name: "Jane Smith"})
	john, _ := a.Entities(ctx, parley.EntityFilter{Name: "John Smith"})
	if _, err := a.MergeEntities(ctx, john.Items[0].ID, jane.Items[0].ID, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.PutAnalysis(ctx, article(2)); err != nil {
		t.Fatal(err)
	}
	p, err := a.Quotes(ctx, parley.QuoteFilter{SpeakerID: john.Items[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 {
		t.Errorf("the kept entity has %d quotes; want both articles' (the second linked after the merge)", len(p.Items))
	}
}

// TestVersionSeesWritesOfOtherProcesses: a second store on the same file
// (as another parley process would be) writes, and the first one's version
// changes, so that a running server's cache does not serve what it replaced.
func TestVersionSeesWritesOfOtherProcesses(t *testing.T) {
	ctx := context.Background()
	a, b := twoStores(t)
	before, err := a.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.PutAnalyses(ctx, storetest.Corpus()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // Version asks SQLite every 50 ms
	after, err := a.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Errorf("Version = %q before and after another process wrote", before)
	}
}

// twoStores opens the same new database twice, as two processes would.
func twoStores(t *testing.T) (*sqlite.Store, *sqlite.Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parley.db")
	var out [2]*sqlite.Store
	for i := range out {
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		out[i] = s
	}
	return out[0], out[1]
}

// TestOwnWriteChangesTheVersionInOneStep: a write through the store shows
// in the version at once and wholly; reading it again later, with nothing
// written, gives the same version (the HTTP cache would otherwise drop its
// answers for nothing, and the conformance test saw reads "change" it).
func TestOwnWriteChangesTheVersionInOneStep(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	c := context.Background()
	before, err := s.Version(c) // data_version read now: the write comes within versionPoll
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.NewAnalysis("v1", "One story", "Daily A", "2025-03-09", "One story.").Analysis()
	if _, err := s.PutAnalysis(c, a); err != nil {
		t.Fatal(err)
	}
	after, err := s.Version(c)
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Fatalf("version %q unchanged by a write", after)
	}
	time.Sleep(120 * time.Millisecond) // past versionPoll
	later, err := s.Version(c)
	if err != nil {
		t.Fatal(err)
	}
	if later != after {
		t.Errorf("version moved from %q to %q with nothing written", after, later)
	}
}
