//go:build unix

package atomicfile

import (
	"io"
	"io/fs"
	"syscall"
)

// writeExcl creates name, which must not exist yet, and writes data to
// it, removing it again when the write fails. It uses the system calls
// alone: open, write, close. An *os.File would
// add, per file, a try at registering it with the network poller, two
// changes of its flags and a cleanup for the garbage collector, which
// show when a first build writes a hundred thousand small files.
func writeExcl(name string, data []byte) error {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	werr := writeAll(fd, data)
	cerr := syscall.Close(fd)
	if werr == nil && cerr == nil {
		return nil
	}
	syscall.Unlink(name)
	if werr != nil {
		return &fs.PathError{Op: "write", Path: name, Err: werr}
	}
	return &fs.PathError{Op: "close", Path: name, Err: cerr}
}

// writeAll writes data to fd, going on after short and interrupted writes.
func writeAll(fd int, data []byte) error {
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return err
		}
		if n <= 0 {
			return io.ErrShortWrite
		}
		data = data[n:]
	}
	return nil
}
