// Runs one program and reports what it cost: wall time, user and system CPU time and
// peak resident memory, from wait4() of the program itself. A process of its own with
// nothing else in it, because Linux carries the resident size a process has when it
// forks into the child's peak: forked from a large benchmark, a small program would
// look large.
//
//   bench_child_usage TIMEOUT_S STDIN STDOUT STDERR -- PROGRAM [ARGS...]
//
// Prints "wall_ms user_ms system_ms peak_kib exit" on its standard output; exit is the
// program's exit code, or 128 + signal, or "timeout" when it was killed after TIMEOUT_S.

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace {

pid_t child = 0;
volatile sig_atomic_t timedOut = 0;

void onAlarm(int)
{
    timedOut = 1;
    if (child > 0)
        kill(child, SIGKILL);
}

bool redirect(const char *path, int fd, int flags)
{
    const int opened = open(path, flags, 0644);
    if (opened < 0)
        return false;
    const bool ok = dup2(opened, fd) >= 0;
    close(opened);
    return ok;
}

double milliseconds(const timeval &time)
{
    return double(time.tv_sec) * 1000.0 + double(time.tv_usec) / 1000.0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 7 || std::strcmp(argv[5], "--") != 0) {
        std::fprintf(stderr, "usage: %s TIMEOUT_S STDIN STDOUT STDERR -- PROGRAM [ARGS...]\n", argv[0]);
        return 2;
    }
    const unsigned timeout = unsigned(std::strtoul(argv[1], nullptr, 10));
    timespec start{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    child = fork();
    if (child < 0) {
        std::perror("fork");
        return 2;
    }
    if (child == 0) {
        if (!redirect(argv[2], STDIN_FILENO, O_RDONLY) || !redirect(argv[3], STDOUT_FILENO, O_WRONLY | O_CREAT | O_TRUNC)
            || !redirect(argv[4], STDERR_FILENO, O_WRONLY | O_CREAT | O_TRUNC)) {
            std::perror("redirect");
            _exit(127);
        }
        execvp(argv[6], argv + 6);
        std::fprintf(stderr, "cannot run %s: %s\n", argv[6], std::strerror(errno));
        _exit(127);
    }
    std::signal(SIGALRM, onAlarm);
    alarm(timeout);
    int status = 0;
    rusage usage{};
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::perror("wait4");
            return 2;
        }
    }
    alarm(0);
    timespec end{};
    clock_gettime(CLOCK_MONOTONIC, &end);
    const double wall = double(end.tv_sec - start.tv_sec) * 1000.0 + double(end.tv_nsec - start.tv_nsec) / 1e6;
    char exitText[32];
    if (timedOut)
        std::snprintf(exitText, sizeof exitText, "timeout");
    else if (WIFSIGNALED(status))
        std::snprintf(exitText, sizeof exitText, "%d", 128 + WTERMSIG(status));
    else
        std::snprintf(exitText, sizeof exitText, "%d", WEXITSTATUS(status));
    std::printf("%.1f %.1f %.1f %ld %s\n", wall, milliseconds(usage.ru_utime), milliseconds(usage.ru_stime),
                usage.ru_maxrss, exitText);
    return 0;
}
