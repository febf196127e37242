// Runs one program for bench_diff_process and prints what it cost:
//   bench_diff_run TIMEOUT_SECONDS OUT_FILE ERR_FILE PROGRAM [ARGUMENTS...]
// prints "exit STATUS wall SECONDS cpu SECONDS maxrss KB", "signal N ...", "timeout" or
// "cannot-run". A separate small process because Linux charges the RSS of the address
// space a child had before exec() to that child's peak (ru_maxrss): a child forked from
// the benchmark, which holds the documents it checks, would report the benchmark's size.

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

double seconds(const timeval &time)
{
    return double(time.tv_sec) + double(time.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s TIMEOUT_SECONDS OUT_FILE ERR_FILE PROGRAM [ARGUMENTS...]\n", argv[0]);
        return 2;
    }
    const int timeoutSeconds = std::atoi(argv[1]);
    sigset_t childSignal;
    sigemptyset(&childSignal);
    sigaddset(&childSignal, SIGCHLD);
    sigprocmask(SIG_BLOCK, &childSignal, nullptr); // so the wait below can time out

    const auto started = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        sigprocmask(SIG_UNBLOCK, &childSignal, nullptr);
        const int out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out < 0 || err < 0 || dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0)
            _exit(127);
        execv(argv[4], argv + 4);
        _exit(127);
    }
    if (pid < 0) {
        std::printf("cannot-run\n");
        return 0;
    }
    const auto deadline = started + std::chrono::seconds(timeoutSeconds);
    int status = 0;
    rusage usage{};
    for (;;) {
        if (wait4(pid, &status, WNOHANG, &usage) == pid)
            break;
        const auto left = deadline - std::chrono::steady_clock::now();
        if (left <= std::chrono::nanoseconds(0)) {
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            std::printf("timeout\n");
            return 0;
        }
        const auto nanoseconds = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
        const timespec wait{time_t(nanoseconds / 1'000'000'000), long(nanoseconds % 1'000'000'000)};
        sigtimedwait(&childSignal, nullptr, &wait);
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    if (WIFSIGNALED(status))
        std::printf("signal %d wall %.6f cpu %.6f maxrss %ld\n", WTERMSIG(status), wall, cpu, usage.ru_maxrss);
    else if (WEXITSTATUS(status) == 127)
        std::printf("cannot-run\n");
    else
        std::printf("exit %d wall %.6f cpu %.6f maxrss %ld\n", WEXITSTATUS(status), wall, cpu, usage.ru_maxrss);
    return 0;
}
