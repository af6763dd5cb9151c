// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/bank.h"

#include <QMainWindow>

class QLabel;
class QListWidget;

namespace neurorack::studio {

class CurveChartView;

/// Neurorack Studio's main window: the open bank's 128 slots on the left, the
/// selected preset's descriptor curves and details on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Shows @p bank, loaded from @p path (empty for the factory bank).
    void setBank(const Bank &bank, const QString &path);
    const Bank &bank() const { return m_bank; }
    /// Loads a bank file; on error shows the messages and keeps the current bank.
    bool openBank(const QString &path);
    /// Selects a slot in the list (and shows its preset).
    void selectSlot(int slot);

private:
    void createMenus();
    void showSlot(int slot);
    void openBankDialog();
    void showAbout();

    Bank m_bank;
    QString m_path;
    QListWidget *m_slots = nullptr;
    CurveChartView *m_chart = nullptr;
    QLabel *m_details = nullptr;
};

} // namespace neurorack::studio
