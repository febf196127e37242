#pragma once

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

// A metadata database in a temporary folder with decisions on several days, made
// through ApprovalService on a clock the fixture sets, so their events (and roles) are
// real. Payloads and reasons hold commas, quotes, line breaks and non-ASCII text.
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

    Database &database() { return *m_database; }
    DatabaseUrl url() const { return m_database->url(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Decisions with decided_at in the period, oldest first (by decided_at, then id).
    Result<QList<StoredDecision>> decisions(const report::ReportPeriod &period) const;
    report::ReportRequest request(report::ReportFormat format,
                                  const report::ReportPeriod &period = ReportFixture::period()) const;

private:
    Status decideAll();

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    EventBus m_bus;
    QDateTime m_now;
    std::unique_ptr<ApprovalService> m_service;
};

// RFC 4180 records of a CSV text (quoted fields, doubled quotes, CRLF or LF endings).
QList<QStringList> parseCsv(const QByteArray &utf8);

} // namespace steward::testing
