// The alert state machine of SPEC section 6 in memory: Tier1QualityDegraded with its
// 80/82 hysteresis, QualityDrop, ProfileRunFailed, one open alert per field and rule.

#include "alerts/AlertRules.h"

#include <QTest>

#include <algorithm>

using namespace steward;
using namespace steward::alerts;
using namespace Qt::StringLiterals;

namespace {

const QString kTier1 = QString::fromUtf16(AlertRule::Tier1QualityDegraded);
const QString kDrop = QString::fromUtf16(AlertRule::QualityDrop);
const QString kFailed = QString::fromUtf16(AlertRule::ProfileRunFailed);

// Open alerts kept the way mdm_alert would keep them, fed run after run.
class Field
{
public:
    explicit Field(QString key, Tier tier = Tier::Tier1) : m_key(std::move(key)), m_tier(tier) {}

    AlertDecision complete(double score) { return apply(RunObservation{m_key, m_tier, false, score, m_last}, score); }
    AlertDecision fail() { return apply(RunObservation{m_key, m_tier, true, std::nullopt, m_last}, m_last); }

    int open(const QString &rule) const
    {
        int count = 0;
        for (const Alert &alert : m_open)
            count += alert.rule == rule ? 1 : 0;
        return count;
    }
    const QList<Alert> &openAlerts() const { return m_open; }

private:
    AlertDecision apply(const RunObservation &run, std::optional<double> last)
    {
        const AlertDecision decision = evaluateRun(run, m_open, AlertThresholds{});
        for (const ResolvedAlert &resolved : decision.resolved)
            m_open.removeIf([&resolved](const Alert &alert) { return alert.id == resolved.id; });
        for (const FiredAlert &fired : decision.fired) {
            Alert alert;
            alert.id = QUuid::createUuid();
            alert.rule = fired.rule;
            alert.canonicalKey = fired.canonicalKey;
            alert.severity = fired.severity;
            alert.value = fired.value;
            m_open.append(alert);
        }
        m_last = last;
        return decision;
    }

    QString m_key;
    Tier m_tier;
    std::optional<double> m_last;
    QList<Alert> m_open;
};

bool fired(const AlertDecision &decision, const QString &rule)
{
    return std::any_of(decision.fired.cbegin(), decision.fired.cend(),
                       [&rule](const FiredAlert &alert) { return alert.rule == rule; });
}

bool resolved(const AlertDecision &decision, const QString &rule)
{
    return std::any_of(decision.resolved.cbegin(), decision.resolved.cend(),
                       [&rule](const ResolvedAlert &alert) { return alert.rule == rule; });
}

} // namespace

class AlertRulesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firesBelow80()
    {
        Field field(u"sales.order.amount"_s);
        QVERIFY(field.complete(85.0).isEmpty());
        const AlertDecision decision = field.complete(79.5);
        QCOMPARE(decision.fired.size(), 1);
        const FiredAlert &alert = decision.fired.constFirst();
        QCOMPARE(alert.rule, kTier1);
        QCOMPARE(alert.canonicalKey, u"sales.order.amount"_s);
        QCOMPARE(alert.severity, u"critical"_s);
        QCOMPARE(*alert.value, 79.5);
        QCOMPARE(*alert.threshold, 80.0);
        QVERIFY(field.complete(80.0).resolved.isEmpty()); // 80 is not below 80, and not 82 yet
    }

    void exactly80DoesNotFire()
    {
        Field field(u"sales.order.amount"_s);
        QVERIFY(!fired(field.complete(80.0), kTier1));
    }

    void noRepeatWhileFiring()
    {
        Field field(u"sales.order.amount"_s);
        QVERIFY(fired(field.complete(70.0), kTier1));
        QVERIFY(!fired(field.complete(65.0), kTier1));
        QVERIFY(!fired(field.complete(72.0), kTier1));
        QCOMPARE(field.open(kTier1), 1);
    }

    void noResolveAt81()
    {
        Field field(u"sales.order.amount"_s);
        QVERIFY(fired(field.complete(78.0), kTier1));
        const AlertDecision decision = field.complete(81.0);
        QVERIFY(decision.isEmpty());
        QVERIFY(!resolved(field.complete(81.99), kTier1));
        QCOMPARE(field.open(kTier1), 1);
    }

    void resolvesAt82()
    {
        Field field(u"sales.order.amount"_s);
        QVERIFY(fired(field.complete(78.0), kTier1));
        const AlertDecision decision = field.complete(82.0);
        QCOMPARE(decision.resolved.size(), 1);
        QCOMPARE(decision.resolved.constFirst().rule, kTier1);
        QCOMPARE(*decision.resolved.constFirst().value, 82.0);
        QCOMPARE(field.open(kTier1), 0);
    }

    void firesAgainLater()
    {
        Field field(u"sales.order.amount"_s);
        QVERIFY(fired(field.complete(78.0), kTier1));
        QVERIFY(resolved(field.complete(83.0), kTier1));
        QVERIFY(!fired(field.complete(81.0), kTier1));
        QVERIFY(fired(field.complete(79.0), kTier1));
        QCOMPARE(field.open(kTier1), 1);
    }

    void qualityDropFiresAbove10Points()
    {
        Field field(u"sales.order.amount"_s, Tier::Tier3);
        QVERIFY(field.complete(95.0).isEmpty()); // no previous run: nothing to drop from
        const AlertDecision decision = field.complete(83.0);
        QCOMPARE(decision.fired.size(), 1);
        QCOMPARE(decision.fired.constFirst().rule, kDrop);
        QCOMPARE(decision.fired.constFirst().severity, u"warning"_s);
        QCOMPARE(*decision.fired.constFirst().value, 83.0);
        QCOMPARE(*decision.fired.constFirst().threshold, 85.0);
        // A further drop while it is open fires nothing new.
        QVERIFY(!fired(field.complete(60.0), kDrop));
        QCOMPARE(field.open(kDrop), 1);
        // The next run that is not a drop resolves it.
        QVERIFY(resolved(field.complete(61.0), kDrop));
        QCOMPARE(field.open(kDrop), 0);
    }

    void qualityDropOf9DoesNotFire()
    {
        Field field(u"sales.order.amount"_s, Tier::Tier3);
        QVERIFY(field.complete(95.0).isEmpty());
        QVERIFY(field.complete(86.0).isEmpty());
        QVERIFY(field.complete(76.0).isEmpty()); // exactly 10 points: not more than 10
    }

    void profileRunFailedFiresAndResolves()
    {
        Field field(u"sales.order.amount"_s, Tier::Tier2);
        AlertDecision decision = field.fail();
        QCOMPARE(decision.fired.size(), 1);
        QCOMPARE(decision.fired.constFirst().rule, kFailed);
        QVERIFY(!decision.fired.constFirst().value);
        QVERIFY(field.fail().isEmpty()); // no repeat while firing
        QCOMPARE(field.open(kFailed), 1);
        decision = field.complete(90.0);
        QCOMPARE(decision.resolved.size(), 1);
        QCOMPARE(decision.resolved.constFirst().rule, kFailed);
        QCOMPARE(field.open(kFailed), 0);
    }

    void unscoredCompletedRunResolvesOnlyTheFailure()
    {
        Field field(u"sales.order.amount"_s);
        QVERIFY(fired(field.complete(70.0), kTier1));
        QVERIFY(fired(field.fail(), kFailed));
        const AlertDecision decision =
            evaluateRun(RunObservation{u"sales.order.amount"_s, Tier::Tier1, false, std::nullopt, 70.0},
                        field.openAlerts());
        QVERIFY(decision.fired.isEmpty());
        QCOMPARE(decision.resolved.size(), 1);
        QCOMPARE(decision.resolved.constFirst().rule, kFailed);
    }

    void oneAlertPerFieldFieldsIndependent()
    {
        Field amount(u"sales.order.amount"_s);
        Field customer(u"sales.order.customer"_s);
        QVERIFY(fired(amount.complete(70.0), kTier1));
        QVERIFY(customer.complete(90.0).isEmpty());
        QVERIFY(fired(customer.complete(75.0), kTier1));
        QVERIFY(!fired(amount.complete(71.0), kTier1));
        QVERIFY(resolved(customer.complete(85.0), kTier1));
        QCOMPARE(amount.open(kTier1), 1);
        QCOMPARE(customer.open(kTier1), 0);

        // Another field's open alert never suppresses or resolves this one's.
        Alert other;
        other.id = QUuid::createUuid();
        other.rule = kTier1;
        other.canonicalKey = u"sales.order.amount"_s;
        const AlertDecision decision =
            evaluateRun(RunObservation{u"sales.order.customer"_s, Tier::Tier1, false, 50.0, 85.0}, {other});
        QVERIFY(fired(decision, kTier1));
        QVERIFY(decision.resolved.isEmpty());
    }

    void tier2NeverGetsTier1QualityDegraded()
    {
        for (const Tier tier : {Tier::Tier2, Tier::Tier3, Tier::Tier5}) {
            Field field(u"sales.order.amount"_s, tier);
            QVERIFY(!fired(field.complete(10.0), kTier1));
            QVERIFY(!fired(field.complete(12.0), kTier1));
            QCOMPARE(field.open(kTier1), 0);
        }
    }

    void thresholdsArePassedIn()
    {
        AlertThresholds strict;
        strict.tier1FireBelow = 95.0;
        strict.tier1ResolveAt = 97.0;
        strict.maxDropPoints = 2.0;
        const AlertDecision decision =
            evaluateRun(RunObservation{u"k"_s, Tier::Tier1, false, 90.0, 93.0}, {}, strict);
        QVERIFY(fired(decision, kTier1));
        QVERIFY(fired(decision, kDrop));
    }
};

QTEST_GUILESS_MAIN(AlertRulesTest)
#include "tst_alertrules.moc"
