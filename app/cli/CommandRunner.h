#pragma once

#include "model/Error.h"

#include <QStringList>

class QTextStream;

namespace steward {

struct CliOptions;

// Parses the command line, runs the command and turns its outcome into an exit status
// and, on failure, the single "steward-cli: <reason>" line on stderr.
class CommandRunner
{
public:
    CommandRunner(QTextStream &out, QTextStream &err);

    int run(const QStringList &arguments);

private:
    Status dispatch(const CliOptions &options);
    int fail(const Error &error);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace steward
