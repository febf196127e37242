#include "BenchSupport.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace steward::bench {

std::optional<double> median(QList<double> samples)
{
    if (samples.isEmpty())
        return std::nullopt;
    std::sort(samples.begin(), samples.end());
    const qsizetype middle = samples.size() / 2;
    return samples.size() % 2 ? samples.at(middle) : (samples.at(middle - 1) + samples.at(middle)) / 2.0;
}

std::optional<double> percentile(QList<double> samples, double fraction)
{
    if (samples.isEmpty())
        return std::nullopt;
    std::sort(samples.begin(), samples.end());
    const auto rank = qsizetype(std::ceil(std::clamp(fraction, 0.0, 1.0) * double(samples.size())));
    return samples.at(std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1));
}

Verdict::Verdict(QString program) : m_program(std::move(program)) {}

void Verdict::fail(const QString &what)
{
    ++m_failures;
    std::fprintf(stderr, "%s: FAILED: %s\n", qPrintable(m_program), qPrintable(what));
    std::fflush(stderr);
}

bool Verdict::require(bool ok, const QString &what)
{
    if (!ok)
        fail(what);
    return ok;
}

std::optional<double> Verdict::median(const QList<double> &samples, const QString &what)
{
    const auto value = bench::median(samples);
    if (!value)
        fail(what + QStringLiteral(": no round completed, so there is no figure"));
    return value;
}

int Verdict::exitStatus() const
{
    if (m_failures == 0)
        return 0;
    std::fprintf(stderr, "%s: %d failure(s); the figures above are incomplete and must not be quoted\n",
                 qPrintable(m_program), m_failures);
    return 1;
}

} // namespace steward::bench
