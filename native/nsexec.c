/*
 * nsexec.c: the one piece of Berth written in C (see shared/DESIGN.md).
 *
 * A .NET process is multithreaded from its first instruction, and the kernel refuses to move a
 * multithreaded process into a new user namespace; fork() from managed code is unsafe. So the steps
 * that need a single thread live here, and nothing else does: no policy, only setns/clone/sync/exec.
 *
 * 1. berth_nsexec() is an ELF constructor. It runs before the .NET runtime starts, while the process
 *    still has one thread. Unless _BERTH_INITPIPE is set it returns at once (one getenv).
 *    When set, this process is the "bootstrap" that berth-runtime spawned with `init` as its argument:
 *
 *      runtime                           bootstrap (here)                 init (clone child)
 *      queue BOOTSTRAP (and CONFIG,
 *      unless user ns) in the channel,
 *      then spawn bootstrap ------------>
 *      BOOTSTRAP{flags,cgroup2 fd,  ---> open ns paths; write 0 to each
 *                joins, v1 tasks}         v1 tasks (moves itself);
 *                                          setns(joins); clone3(flags,    ---> born in the namespaces
 *                                          CLONE_INTO_CGROUP)                 and in the cgroup
 *      <------------------------------- PID{init pid}; then lets the  ---> waits for that
 *                                          child go on; _exit(0)
 *      (user ns) write id maps
 *      MAPS_DONE ---------------------------------------------------------> setresuid/gid(0)
 *                                                                          return: .NET starts, runs
 *                                                                          `init` (Berth.Runtime)
 *    The init is cloned with CLONE_PARENT, so it is the runtime's own child: `run` can wait for it.
 *    With a cgroup2 directory fd it is cloned straight into that cgroup (CLONE_INTO_CGROUP, Linux 5.7):
 *    no migration, so no cgroup_threadgroup_rwsem write lock and its RCU grace period. Older kernels:
 *    the bootstrap writes itself into cgroup.procs first, then clones. On v1 the bootstrap moves itself
 *    (writes "0" to "tasks"), the one migration that skips that lock too.
 *
 * 2. berth_spawn(): spawn with an explicit fd table, with vfork semantics like posix_spawn(3)
 *    (clone(CLONE_VM|CLONE_VFORK), signals blocked): between clone and exec only async-signal-safe calls.
 *
 * 3. berth_execve(): resets signal dispositions and the signal mask (the .NET runtime ignores SIGPIPE
 *    and installs handlers; a container process must not inherit that) and execs, with no managed code
 *    in between. berth_execve_seccomp() also installs the container's seccomp filter (BPF compiled by
 *    the runtime) right before execve, so no other syscall of ours runs under it.
 *
 * Messages are SOCK_SEQPACKET packets: u32 type, then a payload.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/filter.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <unistd.h>

#define MSG_BOOTSTRAP 1
#define MSG_PID 2
#define MSG_MAPS_DONE 3
#define MSG_ERROR 100

#define MAX_JOINS 8
#define BUF_SIZE 8192

static int stage; /* 0: ordinary process; 1: the init, born in the container's namespaces */

/* Every signal back to its default disposition, none blocked: what a freshly exec'd program expects. */
static void reset_signals(void)
{
	sigset_t none;
	int i;
	for (i = 1; i < 65; i++)
		if (i != SIGKILL && i != SIGSTOP)
			signal(i, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

int berth_nsexec_stage(void) { return stage; }

static void send_error(int fd, const char *what, const char *arg)
{
	char buf[1024];
	uint32_t type = MSG_ERROR;
	int n;
	memcpy(buf, &type, sizeof type);
	n = snprintf(buf + sizeof type, sizeof buf - sizeof type, "%s %s: %s", what, arg, strerror(errno));
	if (n < 0)
		n = 0;
	if ((size_t)n > sizeof buf - sizeof type - 1)
		n = (int)(sizeof buf - sizeof type - 1);
	(void)!write(fd, buf, sizeof type + (size_t)n);
	_exit(1);
}

static void send_u32(int fd, uint32_t type, uint32_t value)
{
	uint32_t msg[2] = { type, value };
	if (write(fd, msg, sizeof msg) != sizeof msg)
		_exit(1);
}

/* BOOTSTRAP payload: u32 clone flags, i32 cgroup2 dir fd (-1: none), u32 count, then per join:
 * u32 nstype, u32 length, path bytes; then u32 count of v1 cgroup "tasks" files, each u32 length, path.
 * Every namespace path is opened before the first setns: after joining a mount namespace,
 * /proc/<pid>/ns/... would be looked up in the container's filesystem. The runtime orders the joins
 * (user namespace first, so that joining the others is allowed). */
static uint32_t join_types[MAX_JOINS];
static int join_fds[MAX_JOINS];
static char join_paths[MAX_JOINS][512];

static const char *open_namespaces(int fd, const char *p, const char *end, uint32_t count, uint32_t *opened)
{
	uint32_t i, n = 0, len;
	for (i = 0; i < count && i < MAX_JOINS; i++) {
		if (end - p < 8)
			break;
		memcpy(&join_types[n], p, 4);
		memcpy(&len, p + 4, 4);
		p += 8;
		if (len >= sizeof join_paths[0] || (size_t)(end - p) < len)
			break;
		memcpy(join_paths[n], p, len);
		join_paths[n][len] = 0;
		p += len;
		join_fds[n] = open(join_paths[n], O_RDONLY | O_CLOEXEC);
		if (join_fds[n] < 0)
			send_error(fd, "open namespace", join_paths[n]);
		n++;
	}
	*opened = n;
	return p;
}

/* setns into every opened namespace whose type is (or is not, with except) the given one. */
static void enter_namespaces(int fd, uint32_t n, uint32_t type, int except)
{
	uint32_t i;
	for (i = 0; i < n; i++) {
		if ((join_types[i] == type) == (except != 0))
			continue;
		if (setns(join_fds[i], (int)join_types[i]) < 0)
			send_error(fd, "setns", join_paths[i]);
		close(join_fds[i]);
	}
}

/* Writes "0" into each v1 "tasks" file: this thread (the whole process: it has one) moves itself.
 * Moving oneself is the one migration for which the kernel skips the global threadgroup rwsem write
 * lock, and the RCU grace period (5-15 ms) it would cost. */
static void join_v1_cgroups(int fd, const char *p, const char *end)
{
	uint32_t count, len, i;
	char path[512];
	if (end - p < 4)
		return;
	memcpy(&count, p, 4);
	p += 4;
	for (i = 0; i < count; i++) {
		if (end - p < 4)
			break;
		memcpy(&len, p, 4);
		p += 4;
		if (len >= sizeof path || (size_t)(end - p) < len)
			break;
		memcpy(path, p, len);
		path[len] = 0;
		p += len;
		int tasks = open(path, O_WRONLY | O_CLOEXEC);
		if (tasks < 0 || write(tasks, "0", 1) != 1)
			send_error(fd, "join cgroup (write 0 to)", path);
		close(tasks);
	}
}

/* clone3 into the cgroup when given one; fall back to cgroup.procs + clone on kernels without it. */
static long clone_init(int fd, uint32_t flags, int cgroup_fd)
{
	if (cgroup_fd >= 0) {
		struct clone_args args;
		memset(&args, 0, sizeof args);
		args.flags = (uint64_t)flags | CLONE_PARENT | CLONE_INTO_CGROUP;
		/* clone3 refuses an exit signal with CLONE_PARENT (EINVAL): the child takes the bootstrap's, SIGCHLD. */
		args.exit_signal = 0;
		args.cgroup = (uint64_t)cgroup_fd;
		long pid = syscall(SYS_clone3, &args, sizeof args);
		if (pid >= 0 || (errno != ENOSYS && errno != E2BIG && errno != EINVAL))
			return pid;
		int procs = openat(cgroup_fd, "cgroup.procs", O_WRONLY | O_CLOEXEC);
		if (procs < 0 || dprintf(procs, "%d", getpid()) < 0)
			send_error(fd, "join cgroup", "cgroup.procs");
		close(procs);
	}
	return syscall(SYS_clone, (unsigned long)flags | CLONE_PARENT | SIGCHLD, NULL, NULL, NULL, 0);
}

static void wait_for(int fd, uint32_t want)
{
	uint32_t msg[2];
	ssize_t n = read(fd, msg, sizeof msg);
	if (n < 4 || msg[0] != want)
		_exit(1);
}

__attribute__((constructor)) static void berth_nsexec(void)
{
	const char *env = getenv("_BERTH_INITPIPE");
	if (env == NULL)
		return;
	int fd = atoi(env);
	char buf[BUF_SIZE];
	ssize_t n = read(fd, buf, sizeof buf);
	uint32_t type, flags, count;
	int32_t cgroup_fd;
	if (n < 16)
		_exit(1);
	memcpy(&type, buf, 4);
	memcpy(&flags, buf + 4, 4);
	memcpy(&cgroup_fd, buf + 8, 4);
	memcpy(&count, buf + 12, 4);
	if (type != MSG_BOOTSTRAP)
		_exit(1);
	uint32_t opened;
	const char *rest = open_namespaces(fd, buf + 16, buf + n, count, &opened);
	join_v1_cgroups(fd, rest, buf + n);
	/* A joined cgroup namespace is entered by the child, after clone3: where cgroup2 is mounted with
	 * nsdelegate, the cgroup we come from must be visible from our cgroup namespace for CLONE_INTO_CGROUP. */
	enter_namespaces(fd, opened, CLONE_NEWCGROUP, 1);

	/* _BERTH_EXEFD: the fd of the runtime binary's detached read-only mount (ClonedBinary.cs), which the
	 * bootstrap holds. When the last fd of such a mount is closed, the kernel dissolves it and first waits
	 * for an RCU grace period (synchronize_rcu_expedited, milliseconds). That must not happen in the
	 * container's process: the child lets go of its copy at once, and the bootstrap waits for that (the
	 * child closes its end of `released`) before it exits; its exit then does the waiting, while the runtime
	 * goes on without it (it reaps the bootstrap later). */
	const char *exe_env = getenv("_BERTH_EXEFD");
	int exe_fd = exe_env != NULL ? atoi(exe_env) : -1;
	int released[2] = { -1, -1 };
	if (exe_fd >= 0 && pipe2(released, O_CLOEXEC) < 0)
		send_error(fd, "pipe", "for the bootstrap");
	/* `told`: the child goes on only once the runtime has its pid (the bootstrap closes the write end after
	 * sending PID). The runtime may have queued the init's config already, and the init must not answer
	 * (MOUNTS_READY, an error) before PID is in the channel. */
	int told[2];
	if (pipe2(told, O_CLOEXEC) < 0)
		send_error(fd, "pipe", "for the bootstrap");

	/* Like fork(), but into new namespaces, and as a child of our parent (the runtime). */
	long pid = clone_init(fd, flags, cgroup_fd);
	if (pid < 0)
		send_error(fd, "clone", "init");
	if (cgroup_fd >= 0)
		close(cgroup_fd);
	if (pid > 0) {
		send_u32(fd, MSG_PID, (uint32_t)pid);
		close(told[1]);
		if (exe_fd >= 0) {
			char byte;
			close(released[1]);
			(void)!read(released[0], &byte, 1);
		}
		_exit(0);
	}
	if (exe_fd >= 0) {
		close(exe_fd);
		close(released[0]);
		close(released[1]);
	}
	close(told[1]);
	{
		char byte;
		(void)!read(told[0], &byte, 1); /* end of file: the bootstrap has sent PID (or died) */
	}
	close(told[0]);
	enter_namespaces(fd, opened, CLONE_NEWCGROUP, 0);
	if (flags & CLONE_NEWUSER) {
		wait_for(fd, MSG_MAPS_DONE);
		if (setresgid(0, 0, 0) < 0)
			send_error(fd, "setresgid", "0");
		if (setresuid(0, 0, 0) < 0)
			send_error(fd, "setresuid", "0");
	}
	stage = 1;
}

/*
 * fork+exec with fds[i] becoming fd i in the child (fds[i] < 0: fd i is closed); every other fd is
 * left to its FD_CLOEXEC flag. Returns the pid, or -errno.
 */
struct spawn_request {
	const char *path;
	char *const *argv;
	char *const *envp;
	const int *fds;
	int nfds;
	int new_session;
	int err_fd;
};

/* The child of berth_spawn: it shares the parent's memory (CLONE_VM) on a stack of its own, so it only
 * makes syscalls and writes its own stack; every signal is blocked until reset_signals() puts the
 * default dispositions back, so no handler of the .NET runtime can run here. */
static int spawn_child(void *arg)
{
	const struct spawn_request *req = arg;
	int i, e, base = req->nfds + 3 > req->err_fd + 1 ? req->nfds + 3 : req->err_fd + 1;
	int moved[64];
	if (req->new_session)
		setsid();
	/* Move the sources out of the way first, so that fds[i] == j for j < i cannot be clobbered. */
	for (i = 0; i < req->nfds && i < 64; i++)
		moved[i] = req->fds[i] < 0 ? -1 : fcntl(req->fds[i], F_DUPFD_CLOEXEC, base);
	for (i = 0; i < req->nfds && i < 64; i++) {
		if (moved[i] < 0)
			close(i);
		else if (dup2(moved[i], i) < 0)
			goto fail;
	}
	reset_signals();
	execve(req->path, req->argv, req->envp);
fail:
	e = errno;
	(void)!write(req->err_fd, &e, sizeof e);
	_exit(127);
}

#define SPAWN_STACK_SIZE (64 * 1024)

int berth_spawn(const char *path, char *const argv[], char *const envp[], const int *fds, int nfds, int new_session)
{
	int err_pipe[2], child_errno = 0, e;
	sigset_t all, old;
	ssize_t r;
	pid_t pid;
	char *stack;
	if (pipe2(err_pipe, O_CLOEXEC) < 0)
		return -errno;
	stack = mmap(NULL, SPAWN_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (stack == MAP_FAILED) {
		e = errno;
		close(err_pipe[0]);
		close(err_pipe[1]);
		return -e;
	}
	struct spawn_request req = { path, argv, envp, fds, nfds, new_session, err_pipe[1] };
	/* vfork semantics, as posix_spawn(3): no copy of the runtime's page tables (a fork of a .NET process
	 * costs about a millisecond); this thread waits until the child has exec'd or failed. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	pid = clone(spawn_child, stack + SPAWN_STACK_SIZE, CLONE_VM | CLONE_VFORK | SIGCHLD, &req);
	e = errno;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	munmap(stack, SPAWN_STACK_SIZE);
	close(err_pipe[1]);
	if (pid < 0) {
		close(err_pipe[0]);
		return -e;
	}
	do
		r = read(err_pipe[0], &child_errno, sizeof child_errno);
	while (r < 0 && errno == EINTR);
	close(err_pipe[0]);
	if (r == sizeof child_errno) {
		int status;
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		return -child_errno;
	}
	return pid;
}

/* Reset every signal to its default, unblock all, and exec. Returns only on failure (-errno). */
int berth_execve(const char *path, char *const argv[], char *const envp[])
{
	reset_signals();
	execve(path, argv, envp);
	return -errno;
}

/*
 * berth_execve with a seccomp filter installed just before execve: seccomp(SECCOMP_SET_MODE_FILTER,
 * flags, {len, filter}). no_new_privs is already set by the caller (without it the call needs
 * CAP_SYS_ADMIN). Returns only on failure: -errno, with *seccomp_failed telling which call failed.
 */
int berth_execve_seccomp(const char *path, char *const argv[], char *const envp[],
			 const void *filter, unsigned short len, unsigned int flags, int *seccomp_failed)
{
	struct sock_fprog prog = { .len = len, .filter = (struct sock_filter *)filter };
	reset_signals();
	*seccomp_failed = 1;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog) < 0)
		return -errno;
	*seccomp_failed = 0;
	execve(path, argv, envp);
	return -errno;
}
