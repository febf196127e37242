#include "DemoCommand.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "Session.h"
#include "demo/DemoSeeder.h"
#include "store/Migrator.h"

#include <QTextStream>

namespace steward {

Status runInitDemo(const CliOptions &options, QTextStream &out)
{
    auto session = Session::open(options.database, Session::Create::IfMissing);
    if (!session)
        return session.error();
    auto summary = DemoSeeder(session.value()->database()).seed();
    if (!summary)
        return summary.error();
    const DemoSeeder::Summary &counts = summary.value();
    const DatabaseUrl &url = session.value()->database().url();
    out << CliTr::tr("Demo ready: %1 tenants, %2 users, %3 pending and %4 decided requests in %5")
               .arg(counts.tenants)
               .arg(counts.users)
               .arg(counts.pending)
               .arg(counts.decided)
               .arg(url.kind == DatabaseUrl::Kind::Sqlite ? url.path : url.toString())
        << u'\n';
    return std::nullopt;
}

Status runMigrate(const CliOptions &options, QTextStream &out)
{
    auto session = Session::open(options.database, Session::Create::IfMissing);
    if (!session)
        return session.error();
    auto version = Migrator(session.value()->database()).currentVersion();
    if (!version)
        return version.error();
    out << CliTr::tr("%1 is at schema version %2").arg(session.value()->database().url().toString()).arg(version.value())
        << u'\n';
    return std::nullopt;
}

} // namespace steward
