#pragma once

#include "AppServices.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace steward {

class Settings;

// File > Preferences: the alert thresholds (they reach the profiler at once) and the
// metrics endpoint (read at the next start). OK stays disabled while anything is invalid,
// with the reason shown beside the fields.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(const AppServices &services, Settings &settings, QWidget *parent = nullptr);

    void accept() override;

private:
    void load();
    void restoreDefaults();
    void validate();
    QString thresholdProblem() const;
    QString metricsProblem() const;

    AppServices m_services;
    Settings &m_settings;
    QDoubleSpinBox *m_fireBelowSpin;
    QDoubleSpinBox *m_resolveAtSpin;
    QDoubleSpinBox *m_maxDropSpin;
    QLabel *m_thresholdProblemLabel;
    QCheckBox *m_metricsEnabledCheck;
    QLineEdit *m_bindEdit;
    QSpinBox *m_portSpin;
    QLineEdit *m_tokenFileEdit;
    QLabel *m_metricsProblemLabel;
    QLabel *m_exposureLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace steward
