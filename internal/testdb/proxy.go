package testdb

import (
	"bytes"
	"io"
	"net"
	"sync"
	"testing"
	"time"
)

// Proxy forwards TCP connections to a database server and can hold back
// the reply to one statement, as a slow network would, so a test can
// cancel a statement the server has already carried out.
type Proxy struct {
	ln     net.Listener
	target string

	mu       sync.Mutex
	conns    []net.Conn
	pattern  []byte // a client message containing it gets its reply held
	hold     time.Duration
	received func()
}

// NewProxy listens on a free local port and forwards to target
// (host:port) until the test ends.
func NewProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{ln: ln, target: target}
	go p.serve()
	t.Cleanup(p.close)
	return p
}

// Addr is the host:port to connect to instead of the server's.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// HoldReply holds back for d the reply to the next client message that
// contains pattern. received runs when that reply arrives from the server,
// that is once the server has finished the statement, before the wait.
func (p *Proxy) HoldReply(pattern string, d time.Duration, received func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pattern, p.hold, p.received = []byte(pattern), d, received
}

// held is one connection's pending hold, armed by a matching request.
type held struct {
	mu       sync.Mutex
	d        time.Duration
	received func()
}

func (p *Proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, s)
		p.mu.Unlock()
		h := &held{}
		go p.requests(c, s, h)
		go p.replies(c, s, h)
	}
}

func (p *Proxy) requests(c, s net.Conn, h *held) {
	defer s.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			p.mu.Lock()
			if p.pattern != nil && bytes.Contains(buf[:n], p.pattern) {
				h.mu.Lock()
				h.d, h.received = p.hold, p.received
				h.mu.Unlock()
				p.pattern = nil
			}
			p.mu.Unlock()
			if _, werr := s.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (p *Proxy) replies(c, s net.Conn, h *held) {
	defer c.Close()
	_, _ = io.Copy(c, readerFunc(func(b []byte) (int, error) {
		n, err := s.Read(b)
		h.mu.Lock()
		d, received := h.d, h.received
		h.d, h.received = 0, nil
		h.mu.Unlock()
		if received != nil {
			received()
		}
		time.Sleep(d)
		return n, err
	}))
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(b []byte) (int, error) { return f(b) }

func (p *Proxy) close() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}
