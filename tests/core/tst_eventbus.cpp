// The event bus: every event on the generic signal (the audit trail), and each kind on
// exactly one typed signal, so subscribers never compare type names.

#include "events/EventBus.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

// Every type name the product spells, with the typed signal it must arrive on.
struct Expected
{
    const char16_t *type;
    EventKind kind;
    void (EventBus::*signal)(const Event &);
};

const Expected kExpected[] = {
    {EventType::ApprovalRequested, EventKind::ApprovalRequested, &EventBus::approvalRequested},
    {EventType::ApprovalApproved, EventKind::ApprovalApproved, &EventBus::approvalDecided},
    {EventType::ApprovalRejected, EventKind::ApprovalRejected, &EventBus::approvalDecided},
    {EventType::ApprovalCancelled, EventKind::ApprovalCancelled, &EventBus::approvalDecided},
    {EventType::MetadataApproved, EventKind::MetadataApproved, &EventBus::entityChanged},
    {EventType::MetadataChanged, EventKind::MetadataChanged, &EventBus::entityChanged},
    {EventType::MetadataProfileDue, EventKind::MetadataProfileDue, &EventBus::profileDue},
    {EventType::KpiApproved, EventKind::KpiApproved, &EventBus::entityChanged},
    {EventType::KpiChanged, EventKind::KpiChanged, &EventBus::entityChanged},
    {EventType::BusinessRuleChanged, EventKind::BusinessRuleChanged, &EventBus::entityChanged},
    {EventType::GlossaryTermUpdated, EventKind::GlossaryTermUpdated, &EventBus::entityChanged},
    {EventType::ProfileStarted, EventKind::ProfileStarted, &EventBus::profileStarted},
    {EventType::ProfileCompleted, EventKind::ProfileCompleted, &EventBus::profileFinished},
    {EventType::ProfileFailed, EventKind::ProfileFailed, &EventBus::profileFinished},
    {EventType::ProfileCancelled, EventKind::ProfileCancelled, &EventBus::profileFinished},
    {EventType::ProfileSkipped, EventKind::ProfileSkipped, &EventBus::profileSkipped},
    {EventType::AlertFired, EventKind::AlertFired, &EventBus::alertChanged},
    {EventType::AlertResolved, EventKind::AlertResolved, &EventBus::alertChanged},
};

using TypedSignal = void (EventBus::*)(const Event &);
const TypedSignal kTypedSignals[] = {&EventBus::approvalRequested, &EventBus::approvalDecided,
                                     &EventBus::entityChanged,     &EventBus::profileDue,
                                     &EventBus::profileStarted,    &EventBus::profileFinished,
                                     &EventBus::profileSkipped,    &EventBus::alertChanged};

Event eventOf(const QString &type)
{
    return Event::make(type, QUuid::createUuid(), u"tester"_s, u"system"_s, QUuid::createUuid(), {},
                       QDateTime::currentDateTimeUtc());
}

} // namespace

class TestEventBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTypeNameHasItsKindAndBack()
    {
        for (const Expected &expected : kExpected) {
            const QString type = QString::fromUtf16(expected.type);
            QCOMPARE(int(eventKind(type)), int(expected.kind));
            QCOMPARE(eventTypeName(expected.kind), type);
            QCOMPARE(int(eventOf(type).kind()), int(expected.kind));
        }
        QCOMPARE(int(eventKind(u"approval.approvedx"_s)), int(EventKind::Unknown));
        QCOMPARE(eventTypeName(EventKind::Unknown), QString());
    }

    void eachKindArrivesOnTheGenericSignalAndOnItsOwnTypedSignalOnly()
    {
        for (const Expected &expected : kExpected) {
            EventBus bus;
            QSignalSpy all(&bus, &EventBus::eventPublished);
            std::vector<std::unique_ptr<QSignalSpy>> typed;
            for (const TypedSignal signal : kTypedSignals)
                typed.push_back(std::make_unique<QSignalSpy>(&bus, signal));
            const Event event = eventOf(QString::fromUtf16(expected.type));
            bus.publish({event});
            QCOMPARE(all.size(), 1);
            for (std::size_t i = 0; i < std::size(kTypedSignals); ++i) {
                const bool mine = kTypedSignals[i] == expected.signal;
                QVERIFY2(typed[i]->size() == (mine ? 1 : 0), qPrintable(QString::fromUtf16(expected.type)));
                if (mine)
                    QCOMPARE(typed[i]->constFirst().constFirst().value<Event>().id, event.id);
            }
        }
    }

    void anUnknownTypeReachesOnlyTheAuditTrail()
    {
        EventBus bus;
        QSignalSpy all(&bus, &EventBus::eventPublished);
        QSignalSpy decided(&bus, &EventBus::approvalDecided);
        bus.publish({eventOf(u"something.new"_s)});
        QCOMPARE(all.size(), 1);
        QCOMPARE(decided.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEventBus)
#include "tst_eventbus.moc"
