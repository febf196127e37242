#include "CommandRunner.h"

#include "AuditCommand.h"
#include "CliOptions.h"
#include "CliTr.h"
#include "DecisionCommands.h"
#include "DemoCommand.h"
#include "DiffCommand.h"
#include "EventCommands.h"
#include "ExitStatus.h"
#include "ProfileCommand.h"
#include "QueueCommands.h"
#include "ReportCommand.h"
#include "ServeCommand.h"
#include "Session.h"
#include "TextFormat.h"
#include "TokenCommands.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace steward {

CommandRunner::CommandRunner(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

int CommandRunner::run(const QStringList &arguments)
{
    auto options = CliOptions::parse(arguments);
    if (!options)
        return fail(options.error());

    switch (options.value().request) {
    case CliOptions::Request::Help:
        m_out << CliOptions::helpText();
        m_out.flush();
        return ExitStatus::Success;
    case CliOptions::Request::Version:
        m_out << u"steward-cli "_s << QStringLiteral(STEWARD_VERSION) << u'\n';
        m_out.flush();
        return ExitStatus::Success;
    case CliOptions::Request::Run:
        break;
    }

    const Status failed = dispatch(options.value());
    m_out.flush();
    return failed ? fail(*failed) : ExitStatus::Success;
}

Status CommandRunner::dispatch(const CliOptions &options)
{
    if (options.command == Command::InitDemo)
        return runInitDemo(options, m_out);
    if (options.command == Command::Migrate)
        return runMigrate(options, m_out);
    if (options.command == Command::Diff)
        return runDiff(options, m_out);

    auto session = Session::open(options.database, Session::Create::Never);
    if (!session)
        return session.error();
    if (auto failed = session.value()->selectTenant(options.tenant, options.user))
        return failed;
    Session &current = *session.value();

    switch (options.command) {
    case Command::InitDemo:
    case Command::Migrate:
    case Command::Diff:
        break; // handled above: they need no tenant
    case Command::Submit:
        return runSubmit(current, options, m_out);
    case Command::List:
        return runList(current, options, m_out);
    case Command::Show:
        return runShow(current, options, m_out);
    case Command::Approve:
        return runApprove(current, options, m_out);
    case Command::Reject:
        return runReject(current, options, m_out);
    case Command::Cancel:
        return runCancel(current, options, m_out);
    case Command::Events:
        return runEvents(current, options, m_out);
    case Command::VerifyAudit:
        return runVerifyAudit(current, m_out);
    case Command::Profile:
        return runProfile(current, options, m_out);
    case Command::Report:
        return runReport(current, options, m_out);
    case Command::Serve:
        return runServe(current, options, m_out);
    case Command::Token:
        return runToken(current, options, m_out);
    }
    return std::nullopt;
}

int CommandRunner::fail(const Error &error)
{
    m_err << u"steward-cli: "_s << TextFormat::oneLine(error.text()) << u'\n';
    m_err.flush();
    return ExitStatus::forError(error.code);
}

} // namespace steward
