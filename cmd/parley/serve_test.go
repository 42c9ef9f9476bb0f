package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeAnswersTheDocumentedCommands starts "parley serve --db PATH --addr
// 127.0.0.1:0" as a user would and asks it what scripts ask.
func TestServeAnswersTheDocumentedCommands(t *testing.T) {
	db := corpusDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: pw}, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed nothing: %v", err)
	}
	go io.Copy(io.Discard, pr)
	_, after, ok := strings.Cut(line, "http://")
	if !ok {
		t.Fatalf("serve said %q; want its address", line)
	}
	base := "http://" + strings.Fields(after)[0]
	base = strings.TrimSuffix(base, "/")
	resp, err := http.Get(base + "/api/quotes?speaker=Lavrov")
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Quotes []struct {
			SpeakerName string `json:"speaker_name"`
			Content     string `json:"content"`
			ArticleID   string `json:"article_id"`
		} `json:"quotes"`
	}
	err = json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if err != nil || len(body.Quotes) != 2 || body.Quotes[0].SpeakerName == "" || body.Quotes[0].Content == "" || body.Quotes[0].ArticleID == "" {
		t.Errorf("GET /api/quotes?speaker=Lavrov = %+v, %v", body, err)
	}
	for _, path := range []string{"/openapi.json", "/healthz", "/metrics", "/"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Errorf("GET %s: %v", path, err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("GET %s: %s", path, resp.Status)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d after interrupt; want 0", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop on interrupt")
	}
}

func TestServeRefusesAShortToken(t *testing.T) {
	db := corpusDB(t)
	_, stderr, code := runQueryCLI(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--token", "short")
	if code == 0 || !strings.Contains(stderr, "at least 16") {
		t.Errorf("serve --token short: exit %d, %s", code, stderr)
	}
}
