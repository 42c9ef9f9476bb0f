module github.com/parley-news/parley

go 1.26.8
