package galera

import "syscall"

// procAttr starts a node in its own process group, as uid/gid when they
// are set (the mysql user, when the tests run as root), and has the kernel
// kill it when the thread that started it ends, so a test process killed
// with SIGKILL leaves no node behind. The parent-death signal is set after
// the change of user, which would clear it.
func procAttr(uid, gid int) *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if uid >= 0 {
		a.Credential = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	return a
}
