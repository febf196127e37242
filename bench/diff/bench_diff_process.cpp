// Whole-process diff at its limit: `steward-cli diff OLD NEW --format patch` against
// nlohmann/json reading the same two files, computing json::diff and printing its patch
// (bench_diff_nlohmann), each run as a child process, side by side, for several rounds.
// Prints wall time, CPU time and peak RSS per round, the ratio of the medians and the
// peak memory as a multiple of the input. Our patch is checked every time: applied to OLD
// by nlohmann's own applier it must give NEW (member order included), byte for byte by
// ours, with exactly as many operations as the generator made true edits.
//
//   bench_diff_process [--sizes 1,5,20] [--edits 400] [--rounds 5] [--timeout 120]
//                      [--layout compact|indented] [--entity-reshapes on|off]
//                      [--steward PATH] [--nlohmann PATH] [--keep DIR]
//
// Sizes are MiB of the old file; the pairs are compact JSON unless --layout indented.
// About 2% of the edits insert or remove a whole entity, which nlohmann's positional
// array diff answers with a replacement for every later entity's differing values:
// --entity-reshapes off keeps every edit inside the entities, the baseline's best case.

#include "CatalogPair.h"

#include "diff/JsonPatch.h"
#include "json/JsonParser.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <optional>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

using namespace Qt::StringLiterals;

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kTargetRatio = 0.15;
constexpr double kTargetMemoryMultiple = 10.0;

struct Settings
{
    QList<int> sizesMiB{1, 5, 20};
    int edits = 400;
    int rounds = 5;
    int timeoutSeconds = 120;
    QString steward = QStringLiteral(STEWARD_CLI_PATH);
    QString nlohmann = QStringLiteral(NLOHMANN_DIFF_PATH);
    QString runner = QStringLiteral(DIFF_RUNNER_PATH);
    bool indented = false;
    bool entityReshapes = true;
    QString keep;
};

struct ProcessRun
{
    bool ok = false;
    QString failure; // why not ok
    double wallSeconds = 0;
    double cpuSeconds = 0;
    double peakMiB = 0;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs a program through bench_diff_run (which measures it from a small address space,
// see there) with stdout and stderr in files.
ProcessRun runProcess(const Settings &settings, const QStringList &arguments, const QString &outPath,
                      const QString &errPath)
{
    const QString reportPath = outPath + u".run"_s;
    std::vector<std::string> storage{settings.runner.toStdString(), std::to_string(settings.timeoutSeconds),
                                     outPath.toStdString(), errPath.toStdString()};
    for (const QString &argument : arguments)
        storage.push_back(argument.toStdString());
    std::vector<char *> argv;
    for (std::string &argument : storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    ProcessRun run;
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    const std::string report = reportPath.toStdString();
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, report.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    int status = 0;
    if (spawned != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        run.failure = u"cannot run %1"_s.arg(settings.runner);
        return run;
    }

    const QStringList words = QString::fromUtf8(readAll(reportPath)).simplified().split(u' ');
    if (words.size() == 8 && words.at(2) == u"wall"_s) {
        run.wallSeconds = words.at(3).toDouble();
        run.cpuSeconds = words.at(5).toDouble();
        run.peakMiB = words.at(7).toDouble() / 1024.0;
    }
    if (words.constFirst() == u"timeout"_s)
        run.failure = u"timed out after %1 s"_s.arg(settings.timeoutSeconds);
    else if (words.constFirst() == u"signal"_s)
        run.failure = u"killed by signal %1"_s.arg(words.value(1));
    else if (words.constFirst() != u"exit"_s)
        run.failure = u"cannot start %1"_s.arg(arguments.constFirst());
    else if (words.value(1) != u"0"_s)
        run.failure = u"exit status %1"_s.arg(words.value(1));
    if (!run.failure.isEmpty())
        run.failure += u": "_s + QString::fromUtf8(readAll(errPath).left(400)).trimmed();
    run.ok = run.failure.isEmpty();
    return run;
}

bool writeAll(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Our patch, checked by an applier that shares no code with ours, then byte for byte by
// ours (nlohmann reads numbers as doubles, so only ours can see "95.00" kept exactly).
QString verifyOurPatch(const CatalogPair &pair, const QByteArray &patchText)
{
    using Ordered = nlohmann::ordered_json;
    try {
        const Ordered patch = Ordered::parse(patchText.constData(), patchText.constData() + patchText.size());
        if (!patch.is_array())
            return u"the output is not a JSON array"_s;
        if (int(patch.size()) != pair.edits)
            return u"%1 operations for %2 true edits"_s.arg(patch.size()).arg(pair.edits);
        const Ordered before = Ordered::parse(pair.before.constData(), pair.before.constData() + pair.before.size());
        const Ordered after = Ordered::parse(pair.after.constData(), pair.after.constData() + pair.after.size());
        if (before.patch(patch) != after)
            return u"nlohmann's applier, given our patch and OLD, does not give NEW"_s;
    } catch (const std::exception &error) {
        return u"nlohmann refused our patch: "_s + QString::fromLocal8Bit(error.what());
    }
    const auto before = steward::json::parse(pair.before);
    const auto after = steward::json::parse(pair.after);
    const auto patch = steward::json::parse(patchText);
    if (!before || !after || !patch)
        return u"steward::json::parse refused a file"_s;
    const auto applied = steward::diff::applyPatch(before.value(), patch.value());
    if (!applied)
        return u"our applier refused our patch: "_s + applied.error().message;
    if (steward::json::serialize(applied.value()) != steward::json::serialize(after.value()))
        return u"our patch applied to OLD is not byte-identical to NEW"_s;
    return {};
}

// The baseline did real work: its patch turns OLD into NEW too (values, not text).
QString verifyBaselinePatch(const CatalogPair &pair, const QByteArray &patchText, qsizetype &operations)
{
    try {
        const nlohmann::json patch =
            nlohmann::json::parse(patchText.constData(), patchText.constData() + patchText.size());
        operations = qsizetype(patch.size());
        const nlohmann::json before =
            nlohmann::json::parse(pair.before.constData(), pair.before.constData() + pair.before.size());
        const nlohmann::json after =
            nlohmann::json::parse(pair.after.constData(), pair.after.constData() + pair.after.size());
        if (before.patch(patch) != after)
            return u"nlohmann's own patch does not turn OLD into NEW"_s;
    } catch (const std::exception &error) {
        return u"nlohmann's own patch is not readable: "_s + QString::fromLocal8Bit(error.what());
    }
    return {};
}

void printRun(const char *name, const ProcessRun &run)
{
    std::printf("  %-12s %7.3f s wall %7.3f s CPU %8.1f MiB peak RSS\n", name, run.wallSeconds, run.cpuSeconds,
                run.peakMiB);
}

// steward-cli doing nothing but start (shared libraries, Qt): the part of its time and
// peak memory that does not grow with the input.
struct Idle
{
    double peakMiB = 0;
    double cpuSeconds = 0;
};

Idle measureIdle(const Settings &settings, const QString &folder)
{
    std::vector<double> peaks;
    std::vector<double> cpu;
    for (int round = 0; round < 5; ++round) {
        const ProcessRun run =
            runProcess(settings, {settings.steward, u"--version"_s}, folder + u"/idle.out"_s, folder + u"/idle.err"_s);
        if (run.ok) {
            peaks.push_back(run.peakMiB);
            cpu.push_back(run.cpuSeconds);
        }
    }
    return peaks.empty() ? Idle{} : Idle{median(peaks), median(cpu)};
}

// One pair size: every round runs both programs (alternating which goes first). False
// when a round fails, times out or prints a wrong patch.
bool benchSize(const Settings &settings, int sizeMiB, const QString &folder, const Idle &idle)
{
    CatalogShape shape;
    shape.bytes = qsizetype(sizeMiB * kMiB);
    shape.edits = settings.edits;
    shape.seed = 20240501u + uint(sizeMiB);
    shape.indented = settings.indented;
    shape.entityReshapes = settings.entityReshapes;
    const CatalogPair pair = makeCatalogPair(shape);
    const QString oldPath = folder + u"/catalog-%1mb-old.json"_s.arg(sizeMiB);
    const QString newPath = folder + u"/catalog-%1mb-new.json"_s.arg(sizeMiB);
    if (!writeAll(oldPath, pair.before) || !writeAll(newPath, pair.after)) {
        std::printf("FAILED: cannot write the %d MiB pair into %s\n", sizeMiB, qPrintable(folder));
        return false;
    }
    const double inputMiB = double(pair.before.size() + pair.after.size()) / kMiB;
    std::printf("\n%d MiB pair: %.2f MiB + %.2f MiB = %.2f MiB of input, %d entities, %d true edits\n", sizeMiB,
                pair.before.size() / kMiB, pair.after.size() / kMiB, inputMiB, pair.entities, pair.edits);

    const QString ourOut = folder + u"/ours.patch.json"_s;
    const QString theirOut = folder + u"/nlohmann.patch.json"_s;
    const QStringList ours{settings.steward, u"diff"_s, oldPath, newPath, u"--format"_s, u"patch"_s};
    const QStringList theirs{settings.nlohmann, oldPath, newPath};
    std::vector<ProcessRun> ourRuns;
    std::vector<ProcessRun> theirRuns;
    QByteArray firstPatch;
    for (int round = 0; round < settings.rounds; ++round) {
        std::printf(" round %d\n", round + 1);
        ProcessRun our;
        ProcessRun their;
        const auto runOurs = [&] { our = runProcess(settings, ours, ourOut, ourOut + u".err"_s); };
        const auto runTheirs = [&] { their = runProcess(settings, theirs, theirOut, theirOut + u".err"_s); };
        if (round % 2 == 0) {
            runOurs();
            runTheirs();
        } else {
            runTheirs();
            runOurs();
        }
        if (!our.ok || !their.ok) {
            std::printf("FAILED: %d MiB round %d: %s\n", sizeMiB, round + 1,
                        qPrintable(!our.ok ? u"steward-cli "_s + our.failure : u"nlohmann "_s + their.failure));
            return false;
        }
        printRun("steward-cli", our);
        printRun("nlohmann", their);
        const QByteArray patch = readAll(ourOut);
        if (round == 0) {
            firstPatch = patch;
            if (const QString wrong = verifyOurPatch(pair, patch); !wrong.isEmpty()) {
                std::printf("FAILED: %d MiB: steward-cli's patch is wrong: %s\n", sizeMiB, qPrintable(wrong));
                return false;
            }
            qsizetype baselineOperations = 0;
            if (const QString wrong = verifyBaselinePatch(pair, readAll(theirOut), baselineOperations);
                !wrong.isEmpty()) {
                std::printf("FAILED: %d MiB: %s\n", sizeMiB, qPrintable(wrong));
                return false;
            }
            std::printf(
                "  checked: steward-cli's patch has %d operations for %d true edits; nlohmann's applier turns OLD "
                "into NEW with it (member order included), ours byte for byte; nlohmann's own patch has %lld "
                "operations\n",
                pair.edits, pair.edits, static_cast<long long>(baselineOperations));
        } else if (patch != firstPatch) {
            std::printf("FAILED: %d MiB round %d: steward-cli printed a different patch than in round 1\n", sizeMiB,
                        round + 1);
            return false;
        }
        ourRuns.push_back(our);
        theirRuns.push_back(their);
    }

    const auto collect = [](const std::vector<ProcessRun> &runs, double ProcessRun::*field) {
        std::vector<double> values;
        for (const ProcessRun &run : runs)
            values.push_back(run.*field);
        return values;
    };
    const double ourWall = median(collect(ourRuns, &ProcessRun::wallSeconds));
    const double theirWall = median(collect(theirRuns, &ProcessRun::wallSeconds));
    const double ourCpu = median(collect(ourRuns, &ProcessRun::cpuSeconds));
    const double theirCpu = median(collect(theirRuns, &ProcessRun::cpuSeconds));
    const std::vector<double> ourPeaks = collect(ourRuns, &ProcessRun::peakMiB);
    const double ourPeak = *std::max_element(ourPeaks.begin(), ourPeaks.end());
    const std::vector<double> theirPeaks = collect(theirRuns, &ProcessRun::peakMiB);
    const double theirPeak = *std::max_element(theirPeaks.begin(), theirPeaks.end());
    std::vector<double> roundRatios;
    for (size_t r = 0; r < ourRuns.size(); ++r)
        roundRatios.push_back(ourRuns[r].wallSeconds / theirRuns[r].wallSeconds);
    const double ratio = ourWall / theirWall;
    const double multiple = ourPeak / inputMiB;
    std::printf("%d MiB ratio: %.3fx (median wall %.3f s / %.3f s; CPU %.3fx, %.3f s / %.3f s; rounds %.3fx to %.3fx) "
                "[target <= %.2fx: %s]\n",
                sizeMiB, ratio, ourWall, theirWall, ourCpu / theirCpu, ourCpu, theirCpu,
                *std::min_element(roundRatios.begin(), roundRatios.end()),
                *std::max_element(roundRatios.begin(), roundRatios.end()), kTargetRatio,
                ratio <= kTargetRatio ? "met" : "missed");
    std::printf("%d MiB memory: steward-cli peak RSS %.1f MiB = %.2fx the input of %.2f MiB [target < %.0fx: %s]; "
                "%.1f MiB of it an idle steward-cli, the rest %.2fx the input; nlohmann %.1f MiB = %.2fx\n",
                sizeMiB, ourPeak, multiple, inputMiB, kTargetMemoryMultiple,
                multiple < kTargetMemoryMultiple ? "met" : "missed", idle.peakMiB, (ourPeak - idle.peakMiB) / inputMiB,
                theirPeak, theirPeak / inputMiB);
    return true;
}

std::optional<Settings> parseArguments(const QStringList &arguments)
{
    Settings settings;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &name = arguments.at(i);
        if (i + 1 >= arguments.size())
            return std::nullopt;
        const QString value = arguments.at(++i);
        bool ok = true;
        if (name == u"--sizes"_s) {
            settings.sizesMiB.clear();
            for (const QString &size : value.split(u','))
                settings.sizesMiB.append(ok ? size.toInt(&ok) : 0);
        } else if (name == u"--edits"_s) {
            settings.edits = value.toInt(&ok);
        } else if (name == u"--rounds"_s) {
            settings.rounds = value.toInt(&ok);
        } else if (name == u"--timeout"_s) {
            settings.timeoutSeconds = value.toInt(&ok);
        } else if (name == u"--steward"_s) {
            settings.steward = value;
        } else if (name == u"--nlohmann"_s) {
            settings.nlohmann = value;
        } else if (name == u"--layout"_s) {
            ok = value == u"compact"_s || value == u"indented"_s;
            settings.indented = value == u"indented"_s;
        } else if (name == u"--entity-reshapes"_s) {
            ok = value == u"on"_s || value == u"off"_s;
            settings.entityReshapes = value == u"on"_s;
        } else if (name == u"--keep"_s) {
            settings.keep = value;
        } else {
            return std::nullopt;
        }
        if (!ok)
            return std::nullopt;
    }
    if (settings.rounds < 1 || settings.edits < 1 || settings.timeoutSeconds < 1)
        return std::nullopt;
    return settings;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const std::optional<Settings> settings = parseArguments(arguments);
    if (!settings) {
        std::fprintf(
            stderr,
            "usage: %s [--sizes 1,5,20] [--edits 400] [--rounds 5] [--timeout 120] [--layout compact|indented] "
            "[--entity-reshapes on|off] [--steward PATH] [--nlohmann PATH] [--keep DIR]\n",
            argv[0]);
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows when piped
    QTemporaryDir temporary;
    const QString folder = settings->keep.isEmpty() ? temporary.path() : settings->keep;
    if (folder.isEmpty() || !QDir().mkpath(folder)) {
        std::printf("FAILED: no folder for the pairs\n");
        return 1;
    }
    std::printf(
        "steward-cli: %s\nbaseline:    %s (nlohmann/json %d.%d.%d: parse both files, json::diff, dump)\n"
        "%s pairs, entity insertions and removals %s, %d rounds per size, timeout %d s per process; figures are "
        "medians, peak RSS the maximum\n",
        qPrintable(settings->steward), qPrintable(settings->nlohmann), NLOHMANN_JSON_VERSION_MAJOR,
        NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH, settings->indented ? "indented" : "compact",
        settings->entityReshapes ? "on" : "off", settings->rounds, settings->timeoutSeconds);
    const Idle idle = measureIdle(*settings, folder);
    if (idle.peakMiB <= 0) {
        std::printf("FAILED: steward-cli --version did not run\n");
        return 1;
    }
    std::printf("an idle steward-cli (--version): %.1f MiB peak RSS, %.3f s CPU\n", idle.peakMiB, idle.cpuSeconds);
    for (const int size : settings->sizesMiB) {
        if (size <= 0 || !benchSize(*settings, size, folder, idle))
            return 1;
    }
    return 0;
}
