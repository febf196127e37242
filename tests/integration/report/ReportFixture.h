#pragma once

#include "TeamDatabaseCopy.h"
#include "approval/ApprovalService.h"
#include "events/EventBus.h"
#include "model/Approval.h"
#include "report/ReportTypes.h"
#include "store/Database.h"

#include <QStringList>
#include <QTemporaryDir>
#include <memory>

// Fails the test function with the error's text when a step failed.
#define STEWARD_VERIFY(expression)                                                                                     \
    do {                                                                                                               \
        const ::steward::Status stewardStatus = (expression);                                                          \
        QVERIFY2(!stewardStatus, stewardStatus ? qPrintable(stewardStatus->text()) : "");                              \
    } while (false)

namespace steward::testing {

// A decided request as the database holds it, read with SQL of the test's own (not
// the report's), to compare the report files with.
struct StoredDecision
{
    QString id;
    QString entityType;
    QString entityKey;
    QString status;
    QString requestedBy;
    QString requestedAt;
    QString decidedBy;
    QString decidedAt;
    QString reason;
    QString actorRole; // from the decision's event
};

// A metadata database with decisions on several days, made through ApprovalService on a
// clock the fixture sets, so their events (and roles) are real. Payloads and reasons hold
// commas, quotes, line breaks and non-ASCII text. An SQLite file in a temporary folder,
// or with STEWARD_TEST_POSTGRES a team database of its own, where the service login
// decides for everyone and the schema's owner dates each decision back to the fixture's
// clock (the database stamps decisions with its own).
//
// Decisions: one on 2025-03-01, eight in the period 2025-03-02 .. 2025-03-04 (approved,
// rejected and cancelled, every entity type), one on 2025-03-05, and one pending request.
class ReportFixture
{
public:
    ReportFixture();
    ~ReportFixture();

    Status setUp();

    static QUuid tenantId();
    static QString tenantName();          // has a comma and non-ASCII letters
    static report::ReportPeriod period(); // 2025-03-02 .. 2025-03-04
    static QString trickyLabel();         // the label the tier1 field is renamed to
    static QString trickyReason();        // the reason of a rejection
    // Who reads the reports: the tenant's viewer, who has a login on the test server.
    static QString reader();

    // The connection the reports under test read through, signed in as reader().
    Database &database() { return *m_database; }
    bool isTeamDatabase() const { return m_database->isTeamDatabase(); }
    // What steward-cli's --db says for `login`: the file, or the team database through
    // that person's own login.
    QString databaseFor(const QString &login) const;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Decisions with decided_at in the period, oldest first (by decided_at, then id).
    Result<QList<StoredDecision>> decisions(const report::ReportPeriod &period) const;
    report::ReportRequest request(report::ReportFormat format,
                                  const report::ReportPeriod &period = ReportFixture::period()) const;

    // Where the fixture's rows are written and checked: the schema's owner on a team
    // database, the same connection on SQLite.
    Database &fixture() const { return m_owner ? *m_owner : *m_database; }

private:
    Status decideAll();

    QTemporaryDir m_dir;
    TeamDatabaseCopy m_copy; // declared before the connections to it, so dropped after them
    std::unique_ptr<Database> m_owner;
    std::unique_ptr<Database> m_database;
    EventBus m_bus;
    QDateTime m_now;
    std::unique_ptr<ApprovalService> m_service;
};

// RFC 4180 records of a CSV text (quoted fields, doubled quotes, CRLF or LF endings).
QList<QStringList> parseCsv(const QByteArray &utf8);

} // namespace steward::testing
