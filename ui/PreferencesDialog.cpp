#include "PreferencesDialog.h"

#include "Session.h"
#include "Settings.h"
#include "UiTr.h"
#include "alerts/AlertThresholdService.h"
#include "metrics/MetricsAccess.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

QDoubleSpinBox *scoreSpin(const QString &name, QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(0.0, 100.0);
    spin->setDecimals(1);
    spin->setSingleStep(1.0);
    spin->setAccelerated(true);
    spin->setKeyboardTracking(true);
    return spin;
}

QLabel *problemLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(u"QLabel { color: #a4262c; }"_s);
    label->hide();
    return label;
}

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(const AppServices &services, const Session &session, Settings &settings,
                                     QWidget *parent)
    : QDialog(parent), m_services(services), m_session(session), m_settings(settings),
      m_mayChangeThresholds(session.user().holds(Role::MetadataSteward)),
      m_fireBelowSpin(scoreSpin(u"tier1FireBelowSpinBox"_s, this)),
      m_resolveAtSpin(scoreSpin(u"tier1ResolveAtSpinBox"_s, this)),
      m_maxDropSpin(scoreSpin(u"maxDropPointsSpinBox"_s, this)),
      m_thresholdProblemLabel(problemLabel(u"thresholdProblemLabel"_s, this)),
      m_thresholdOwnerLabel(noteLabel({}, this)),
      m_metricsEnabledCheck(new QCheckBox(UiTr::tr("&Expose metrics for Prometheus"), this)),
      m_bindEdit(new QLineEdit(this)), m_portSpin(new QSpinBox(this)), m_tokenFileEdit(new QLineEdit(this)),
      m_metricsProblemLabel(problemLabel(u"metricsProblemLabel"_s, this)), m_exposureLabel(noteLabel({}, this)),
      m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this))
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(UiTr::tr("Preferences"));
    m_metricsEnabledCheck->setObjectName(u"metricsEnabledCheckBox"_s);
    m_bindEdit->setObjectName(u"metricsBindEdit"_s);
    m_portSpin->setObjectName(u"metricsPortSpinBox"_s);
    m_tokenFileEdit->setObjectName(u"metricsTokenFileEdit"_s);
    m_exposureLabel->setObjectName(u"metricsExposureLabel"_s);
    m_buttons->setObjectName(u"preferencesButtonBox"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"preferencesOkButton"_s);
    m_buttons->button(QDialogButtonBox::RestoreDefaults)->setObjectName(u"restoreDefaultsButton"_s);

    m_fireBelowSpin->setToolTip(UiTr::tr("A tier1 field whose latest score is below this raises an alert"));
    m_resolveAtSpin->setToolTip(UiTr::tr("The alert resolves once the score is at or above this; the gap keeps "
                                         "a score that hovers at the line from raising alert after alert"));
    m_maxDropSpin->setToolTip(UiTr::tr("A run scoring more than this many points below the field's previous "
                                       "run raises a QualityDrop alert"));
    m_maxDropSpin->setSuffix(UiTr::tr(" points"));
    m_bindEdit->setPlaceholderText(u"127.0.0.1"_s);
    m_bindEdit->setToolTip(UiTr::tr("The address to listen on; 127.0.0.1 keeps the endpoint on this computer"));
    m_portSpin->setRange(1, 65535);
    m_tokenFileEdit->setPlaceholderText(UiTr::tr("none"));
    m_tokenFileEdit->setToolTip(UiTr::tr("A file holding the token Prometheus must send as \"Authorization: Bearer\"; "
                                         "needed to listen beyond this computer. Without one, $%1 is used when set")
                                    .arg(QLatin1StringView(metrics::MetricsAccess::TokenVariable)));

    m_thresholdOwnerLabel->setObjectName(u"thresholdOwnerLabel"_s);
    auto *alertsBox = new QGroupBox(UiTr::tr("Alerts of %1").arg(session.tenant().name), this);
    auto *alertsForm = new QFormLayout;
    alertsForm->addRow(UiTr::tr("Tier1 quality alert &fires below:"), m_fireBelowSpin);
    alertsForm->addRow(UiTr::tr("... and &resolves at or above:"), m_resolveAtSpin);
    alertsForm->addRow(UiTr::tr("Quality &drop alert when a run falls more than:"), m_maxDropSpin);
    auto *alertsLayout = new QVBoxLayout(alertsBox);
    alertsLayout->addLayout(alertsForm);
    alertsLayout->addWidget(m_thresholdProblemLabel);
    alertsLayout->addWidget(m_thresholdOwnerLabel);
    m_thresholdOwnerLabel->setText(
        m_mayChangeThresholds
            ? UiTr::tr("These lines belong to the tenant: they apply to every profile run from now on, on every "
                       "desktop and in steward-cli, and the change is recorded in the audit trail. Scores run "
                       "from 0 to 100.")
            : UiTr::tr("These lines belong to the tenant; only a metadata steward can change them."));
    for (QDoubleSpinBox *spin : {m_fireBelowSpin, m_resolveAtSpin, m_maxDropSpin})
        spin->setReadOnly(!m_mayChangeThresholds);

    auto *metricsBox = new QGroupBox(UiTr::tr("Metrics endpoint"), this);
    auto *metricsForm = new QFormLayout;
    metricsForm->addRow(m_metricsEnabledCheck);
    metricsForm->addRow(UiTr::tr("&Bind address:"), m_bindEdit);
    metricsForm->addRow(UiTr::tr("P&ort:"), m_portSpin);
    metricsForm->addRow(UiTr::tr("Bearer &token file:"), m_tokenFileEdit);
    auto *metricsLayout = new QVBoxLayout(metricsBox);
    metricsLayout->addLayout(metricsForm);
    metricsLayout->addWidget(m_metricsProblemLabel);
    metricsLayout->addWidget(m_exposureLabel);
    auto *restartNote = noteLabel(UiTr::tr("Changes to the endpoint take effect the next time Metadata Steward "
                                           "starts."),
                                  metricsBox);
    restartNote->setObjectName(u"metricsRestartNoteLabel"_s);
    metricsLayout->addWidget(restartNote);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(alertsBox);
    layout->addWidget(metricsBox);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    // Every keystroke in the spin boxes' editors: their own textChanged stays silent
    // while the text is no number (an emptied field), which must disable OK too.
    for (QAbstractSpinBox *spin :
         std::initializer_list<QAbstractSpinBox *>{m_fireBelowSpin, m_resolveAtSpin, m_maxDropSpin, m_portSpin}) {
        if (auto *editor = spin->findChild<QLineEdit *>())
            connect(editor, &QLineEdit::textChanged, this, &PreferencesDialog::validate);
    }
    connect(m_metricsEnabledCheck, &QCheckBox::toggled, this, &PreferencesDialog::validate);
    connect(m_bindEdit, &QLineEdit::textChanged, this, &PreferencesDialog::validate);
    connect(m_tokenFileEdit, &QLineEdit::textChanged, this, &PreferencesDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &PreferencesDialog::restoreDefaults);

    load();
    setMinimumWidth(460);
}

void PreferencesDialog::load()
{
    auto stored = m_services.thresholds.load(m_session.tenant().id);
    const alerts::AlertThresholds thresholds = stored ? stored.value() : alerts::AlertThresholds{};
    m_fireBelowSpin->setValue(thresholds.tier1FireBelow);
    m_resolveAtSpin->setValue(thresholds.tier1ResolveAt);
    m_maxDropSpin->setValue(thresholds.maxDropPoints);
    m_metricsEnabledCheck->setChecked(m_settings.value(Settings::Key::MetricsEndpointEnabled).toBool());
    m_bindEdit->setText(m_settings.value(Settings::Key::MetricsEndpointBind).toString());
    m_portSpin->setValue(m_settings.value(Settings::Key::MetricsEndpointPort).toInt());
    m_tokenFileEdit->setText(m_settings.value(Settings::Key::MetricsEndpointTokenFile).toString());
    validate();
    if (!stored) {
        m_thresholdProblemLabel->setText(stored.error().text());
        m_thresholdProblemLabel->show();
    }
}

void PreferencesDialog::restoreDefaults()
{
    if (m_mayChangeThresholds) {
        const alerts::AlertThresholds defaults;
        m_fireBelowSpin->setValue(defaults.tier1FireBelow);
        m_resolveAtSpin->setValue(defaults.tier1ResolveAt);
        m_maxDropSpin->setValue(defaults.maxDropPoints);
    }
    m_metricsEnabledCheck->setChecked(false);
    m_bindEdit->setText(u"127.0.0.1"_s);
    m_portSpin->setValue(8787);
    m_tokenFileEdit->clear();
    validate();
}

QString PreferencesDialog::thresholdProblem() const
{
    for (const QDoubleSpinBox *spin : {m_fireBelowSpin, m_resolveAtSpin, m_maxDropSpin}) {
        if (!spin->hasAcceptableInput())
            return UiTr::tr("Enter a number from 0 to 100 in every field.");
    }
    return alerts::thresholdsProblem(
        alerts::AlertThresholds{m_fireBelowSpin->value(), m_resolveAtSpin->value(), m_maxDropSpin->value()});
}

QString PreferencesDialog::metricsProblem() const
{
    if (!m_metricsEnabledCheck->isChecked())
        return {};
    const QHostAddress address(m_bindEdit->text().trimmed());
    if (address.isNull())
        return UiTr::tr("Enter an IP address to listen on, such as 127.0.0.1.");
    if (!m_portSpin->hasAcceptableInput())
        return UiTr::tr("Enter a port from 1 to 65535.");
    // The endpoint's own rule, so what is accepted here starts next time.
    const auto access = metrics::MetricsAccess::configure(m_tokenFileEdit->text());
    if (!access)
        return access.error().message;
    if (access.value().allowsListeningOn(address))
        return UiTr::tr("Listening beyond this computer needs a bearer token: name a token file, or listen on "
                        "127.0.0.1.");
    return {};
}

void PreferencesDialog::validate()
{
    const bool enabled = m_metricsEnabledCheck->isChecked();
    m_bindEdit->setEnabled(enabled);
    m_portSpin->setEnabled(enabled);
    m_tokenFileEdit->setEnabled(enabled);

    const QString thresholds = thresholdProblem();
    const QString metrics = metricsProblem();
    m_thresholdProblemLabel->setText(thresholds);
    m_thresholdProblemLabel->setVisible(!thresholds.isEmpty());
    m_metricsProblemLabel->setText(metrics);
    m_metricsProblemLabel->setVisible(!metrics.isEmpty());

    const QHostAddress address(m_bindEdit->text().trimmed());
    const bool exposed = enabled && metrics.isEmpty() && !address.isLoopback();
    m_exposureLabel->setText(
        exposed ? UiTr::tr("Other computers on the network will be able to read the metrics with the bearer token.")
                : QString());
    m_exposureLabel->setVisible(exposed);

    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(thresholds.isEmpty() && metrics.isEmpty());

    // A message that appears makes room for itself rather than squeezing the fields.
    if (isVisible()) {
        layout()->activate();
        const int needed = std::max(layout()->totalHeightForWidth(width()), layout()->totalSizeHint().height());
        if (needed > height())
            resize(width(), needed);
    }
}

void PreferencesDialog::accept()
{
    validate();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    if (m_mayChangeThresholds && !saveThresholds())
        return;
    m_settings.setValue(Settings::Key::MetricsEndpointEnabled, m_metricsEnabledCheck->isChecked());
    // A disabled endpoint keeps its last usable address rather than a half-typed one.
    if (!QHostAddress(m_bindEdit->text().trimmed()).isNull())
        m_settings.setValue(Settings::Key::MetricsEndpointBind, m_bindEdit->text().trimmed());
    m_settings.setValue(Settings::Key::MetricsEndpointPort, m_portSpin->value());
    m_settings.setValue(Settings::Key::MetricsEndpointTokenFile, m_tokenFileEdit->text().trimmed());
    QDialog::accept();
}

bool PreferencesDialog::saveThresholds()
{
    const alerts::AlertThresholds wanted{m_fireBelowSpin->value(), m_resolveAtSpin->value(), m_maxDropSpin->value()};
    auto stored = m_services.thresholds.load(m_session.tenant().id);
    if (stored && stored.value() == wanted)
        return true; // unchanged: no event
    auto saved = m_services.thresholds.save(m_session.actor(), wanted);
    if (!saved) {
        m_thresholdProblemLabel->setText(UiTr::tr("The thresholds were not saved: %1").arg(saved.error().text()));
        m_thresholdProblemLabel->show();
        return false;
    }
    return true;
}

} // namespace steward
