// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "curvechartview.h"

#include "io/documentfile.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace neurorack::studio {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    m_slots = new QListWidget;
    m_slots->setMinimumWidth(220);
    m_slots->setUniformItemSizes(true);
    connect(m_slots, &QListWidget::currentRowChanged, this, &MainWindow::showSlot);

    m_chart = new CurveChartView;
    m_details = new QLabel;
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setMargin(6);

    auto *right = new QWidget;
    auto *layout = new QVBoxLayout(right);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_details);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_slots);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    createMenus();
    resize(1200, 760);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Bank…"), this, &MainWindow::openBankDialog);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Neurorack Studio"), this, &MainWindow::showAbout);
}

void MainWindow::setBank(const Bank &bank, const QString &path)
{
    m_bank = bank;
    m_path = path;
    m_slots->clear();
    for (int slot = 0; slot < Bank::kSlotCount; ++slot) {
        const Preset *p = m_bank.preset(slot);
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(slot, 3, 10, QLatin1Char('0')).arg(p ? p->name : tr("(empty)")));
        if (!p)
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        m_slots->addItem(item);
    }
    const QString source = path.isEmpty() ? tr("factory bank") : QFileInfo(path).fileName();
    setWindowTitle(tr("%1 — Neurorack Studio").arg(m_bank.name()));
    statusBar()->showMessage(tr("%1 (%2): %3 presets, mapping “%4”")
                                 .arg(m_bank.name(), source)
                                 .arg(m_bank.presetCount())
                                 .arg(m_bank.mapping().name));
    const QList<int> filled = m_bank.filledSlots();
    selectSlot(filled.isEmpty() ? 0 : filled.first());
}

bool MainWindow::openBank(const QString &path)
{
    const auto bank = DocumentFile::loadBank(path);
    if (!bank) {
        // Window-modal and not blocking: the event loop (and the tests) keep running.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot open bank"),
                                    tr("“%1” is not a valid Neurorack bank. The current bank is unchanged.")
                                        .arg(QFileInfo(path).fileName()),
                                    QMessageBox::Ok, this);
        box->setDetailedText(bank.errorString());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    setBank(*bank, path);
    return true;
}

void MainWindow::selectSlot(int slot)
{
    m_slots->setCurrentRow(slot);
}

void MainWindow::showSlot(int slot)
{
    const Preset *p = m_bank.preset(slot);
    m_chart->setPreset(p);
    if (!p) {
        m_details->setText(tr("Slot %1 is empty.").arg(slot));
        return;
    }
    QStringList peaks;
    for (const auto id : {DescriptorId::Loudness, DescriptorId::Brightness, DescriptorId::Pitch}) {
        const auto values = p->curves.curve(id);
        const auto peak = std::max_element(values.begin(), values.end(), [](float a, float b) {
            return std::isnan(a) || (!std::isnan(b) && b > a); // NaN (unvoiced) sorts lowest
        });
        if (peak != values.end() && !std::isnan(*peak))
            peaks << QStringLiteral("%1 %2").arg(descriptor(id).translatedName(), descriptor(id).formatValue(*peak));
    }
    m_details->setText(tr("<b>%1</b> &nbsp;<code>%2</code> &nbsp;— slot %3, %4 s, %5<br>Tags: %6<br>Peaks: %7")
                           .arg(p->name.toHtmlEscaped(), p->id)
                           .arg(slot)
                           .arg(p->duration(), 0, 'f', 2)
                           .arg(presetSourceKey(p->source))
                           .arg(p->tags.isEmpty() ? tr("none") : p->tags.join(QStringLiteral(", ")).toHtmlEscaped())
                           .arg(peaks.join(QStringLiteral(" · "))));
}

void MainWindow::openBankDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Bank"), QFileInfo(m_path).absolutePath(),
                                                      tr("Neurorack banks (*.json *.cbor);;All files (*)"));
    if (!path.isEmpty())
        openBank(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Neurorack Studio"),
                       tr("<h3>Neurorack Studio %1</h3><p>Design presets for the Neurorack neural impact "
                          "synthesizer.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

} // namespace neurorack::studio
