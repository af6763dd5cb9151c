// SPDX-License-Identifier: GPL-3.0-or-later
#include "screen/menu.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace neurorack::runtime {

namespace {

/// The main menu's pages, in the order shown; "Back" follows them.
constexpr std::array kMainPages{
    Menu::Page::Presets, Menu::Page::Banks,       Menu::Page::Mapping, Menu::Page::Model,
    Menu::Page::Volume,  Menu::Page::Calibration, Menu::Page::System,  Menu::Page::About,
};
constexpr int kMainPageCount = int(kMainPages.size());

/// Rows of the calibration steps, by position.
enum ZeroRow { ZeroMeasure, ZeroReset, ZeroBack, ZeroRowCount };
enum FiveRow { FiveMeasure, FiveCancel, FiveRowCount };

QString signedNumber(double value, int decimals)
{
    return Menu::numberText(value, decimals, true);
}

/// A file as the user knows it: without the extension that every entry of the list has.
QString displayFileName(const QString &file)
{
    const qsizetype dot = file.lastIndexOf(u'.');
    return dot > 0 ? file.left(dot) : file;
}

/// A page's name in the main menu.
QString pageLabel(Menu::Page page)
{
    switch (page) {
    case Menu::Page::Presets:
        return Menu::tr("Presets");
    case Menu::Page::Banks:
        return Menu::tr("Banks");
    case Menu::Page::Mapping:
        return Menu::tr("Mapping");
    case Menu::Page::Model:
        return Menu::tr("Model");
    case Menu::Page::Volume:
        return Menu::tr("Volume");
    case Menu::Page::Calibration:
        return Menu::tr("Calibration");
    case Menu::Page::System:
        return Menu::tr("System");
    case Menu::Page::About:
        return Menu::tr("About");
    default:
        return {};
    }
}

} // namespace

QString Menu::numberText(double value, int decimals, bool plusSign)
{
    const QString digits = QString::number(std::abs(value), 'f', decimals);
    // A value that rounds to zero is shown without a sign ("−0.00" reads as a fault).
    if (digits.toDouble() == 0.0)
        return digits;
    if (value < 0)
        return QStringLiteral("\u2212") + digits;
    return plusSign ? QStringLiteral("+") + digits : digits;
}

const QStringList &Menu::factoryMappingIds()
{
    static const QStringList ids{QStringLiteral("original"), QStringLiteral("alternative")};
    return ids;
}

QString Menu::inputName(int input)
{
    if (input >= 0 && input < RuntimeView::kCvCount)
        return tr("CV %1").arg(input + 1);
    return tr("Gate %1").arg(input - RuntimeView::kCvCount + 1);
}

int Menu::visibleRows(Page page)
{
    switch (page) {
    case Page::Home:
    case Page::Volume:
    case Page::System:
    case Page::About:
        return 0;
    case Page::MainMenu:
    case Page::Presets:
    case Page::Banks:
    case Page::Calibration:
        return kListRows;
    case Page::Model:
        return kListRows - 2; // the model's name and device sit above the list
    case Page::Mapping:
    case Page::CalibrateInput:
        return kListRows - 4; // the mapping's lines, or the instructions, sit above
    }
    return kListRows;
}

QString Menu::title(const RuntimeView &view) const
{
    switch (m_page) {
    case Page::Home:
        return view.bankName.isEmpty() ? tr("No bank") : view.bankName;
    case Page::MainMenu:
        return tr("Menu");
    case Page::CalibrateInput:
        return tr("Calibrate %1").arg(inputName(m_calInput));
    default:
        return pageLabel(m_page);
    }
}

QList<MenuRow> Menu::rows(const RuntimeView &view) const
{
    QList<MenuRow> out;
    const MenuRow back{tr("Back"), {}, false};
    switch (m_page) {
    case Page::Home:
    case Page::Volume:
    case Page::System:
    case Page::About:
        return out;
    case Page::MainMenu:
        for (const Page page : kMainPages) {
            MenuRow row{pageLabel(page), {}, false};
            if (page == Page::Presets)
                row.detail = QString::number(view.presets.size());
            else if (page == Page::Volume)
                row.detail = tr("%1 dB").arg(numberText(view.volumeDb, 0, false));
            else if (page == Page::Model)
                row.detail = view.modelDevice;
            out << row;
        }
        out << back;
        return out;
    case Page::Presets:
        for (const PresetEntry &entry : view.presets) {
            // 1-based, as printed on the panel and in the Studio's bank editor.
            out << MenuRow{QStringLiteral("%1  %2").arg(entry.slot + 1, 3, 10, QLatin1Char('0')).arg(entry.name), {},
                           entry.slot == view.presetSlot};
        }
        out << back;
        return out;
    case Page::Banks:
        for (const QString &bank : view.banks)
            out << MenuRow{displayFileName(bank), {}, bank == view.currentBank};
        out << back;
        return out;
    case Page::Model:
        for (const QString &model : view.models)
            out << MenuRow{displayFileName(model), {}, model == view.currentModel};
        out << back;
        return out;
    case Page::Mapping:
        for (const QString &id : factoryMappingIds()) {
            const QString label = id == QStringLiteral("original") ? tr("Original panel") : tr("Alternative: bank scan");
            out << MenuRow{label, {}, id == view.mappingId};
        }
        out << back;
        return out;
    case Page::Calibration:
        for (int input = 0; input < RuntimeView::kInputCount; ++input) {
            const double raw = view.calibration[std::size_t(input)].rawVolts;
            out << MenuRow{inputName(input), tr("%1 V").arg(signedNumber(raw, 2)), false};
        }
        out << back;
        return out;
    case Page::CalibrateInput:
        switch (m_calStep) {
        case CalibrationStep::Zero:
            out << MenuRow{tr("Measure 0 V"), {}, false} << MenuRow{tr("Reset to default"), {}, false} << back;
            break;
        case CalibrationStep::Five:
            out << MenuRow{tr("Measure +5 V"), {}, false} << MenuRow{tr("Cancel"), {}, false};
            break;
        case CalibrationStep::Done:
            out << MenuRow{tr("Done"), {}, false};
            break;
        }
        return out;
    }
    return out;
}

QString Menu::calibrationInstruction() const
{
    const QString input = inputName(m_calInput);
    switch (m_calStep) {
    case CalibrationStep::Zero:
        return tr("Patch 0 V into %1, then measure.").arg(input);
    case CalibrationStep::Five:
        if (m_calInput >= RuntimeView::kCvCount)
            return tr("Hold %1 high at +5 V, then measure.").arg(input);
        return tr("Patch +5 V into %1, then measure.").arg(input);
    case CalibrationStep::Done:
        return tr("%1 is calibrated.").arg(input);
    }
    return {};
}

int Menu::rowCount(const RuntimeView &view) const
{
    return int(rows(view).size());
}

int Menu::activeRow(const RuntimeView &view) const
{
    const QList<MenuRow> list = rows(view);
    const auto it = std::find_if(list.cbegin(), list.cend(), [](const MenuRow &row) { return row.active; });
    return it == list.cend() ? -1 : int(it - list.cbegin());
}

void Menu::setCursor(int row, int rowCount)
{
    const int visible = std::max(1, visibleRows());
    m_cursor = std::clamp(row, 0, std::max(0, rowCount - 1));
    if (m_cursor < m_top)
        m_top = m_cursor;
    else if (m_cursor >= m_top + visible)
        m_top = m_cursor - visible + 1;
    // No blank space below the last row when the list shrank.
    m_top = std::clamp(m_top, 0, std::max(0, rowCount - visible));
}

void Menu::clampCursor(const RuntimeView &view)
{
    // The view may have changed under the menu (another bank loaded, a model removed).
    if (visibleRows() > 0)
        setCursor(m_cursor, rowCount(view));
}

void Menu::enter(Page page, const RuntimeView &view)
{
    if (m_page == Page::MainMenu && page != Page::Home)
        m_mainCursor = m_cursor;
    m_page = page;
    m_top = 0;
    m_cursor = 0;
    switch (page) {
    case Page::MainMenu:
        setCursor(m_mainCursor, rowCount(view));
        return;
    case Page::Volume:
        m_volumeDb = std::clamp(std::round(view.volumeDb), kMinVolumeDb, kMaxVolumeDb);
        return;
    case Page::Calibration:
        setCursor(std::max(0, m_calInput), rowCount(view));
        return;
    case Page::CalibrateInput:
        m_calStep = CalibrationStep::Zero;
        m_calMessage.clear();
        m_calMessageIsError = false;
        setCursor(ZeroMeasure, rowCount(view));
        return;
    default:
        break;
    }
    if (visibleRows() > 0)
        setCursor(std::max(0, activeRow(view)), rowCount(view));
}

void Menu::goHome()
{
    m_page = Page::Home;
    m_cursor = 0;
    m_top = 0;
    m_calInput = -1;
    m_calStep = CalibrationStep::Zero;
    m_calMessage.clear();
    m_calMessageIsError = false;
}

std::optional<MenuAction> Menu::turn(int steps, const RuntimeView &view)
{
    if (steps == 0)
        return std::nullopt;
    clampCursor(view);
    switch (m_page) {
    case Page::Home:
        return turnHome(steps, view);
    case Page::Volume: {
        const double volume = std::clamp(m_volumeDb + steps * kVolumeStepDb, kMinVolumeDb, kMaxVolumeDb);
        if (volume == m_volumeDb)
            return std::nullopt;
        m_volumeDb = volume;
        MenuAction action;
        action.kind = MenuAction::Kind::SetVolume;
        action.value = volume;
        return action;
    }
    case Page::System:
    case Page::About:
        return std::nullopt;
    default:
        setCursor(m_cursor + steps, rowCount(view));
        return std::nullopt;
    }
}

std::optional<MenuAction> Menu::turnHome(int steps, const RuntimeView &view)
{
    const int count = int(view.presets.size());
    if (count == 0)
        return std::nullopt;
    const auto it = std::find_if(view.presets.cbegin(), view.presets.cend(),
                                 [&](const PresetEntry &entry) { return entry.slot == view.presetSlot; });
    int index = int(it - view.presets.cbegin());
    if (it == view.presets.cend()) {
        // The current slot is not in the list (an empty bank before, a stale view): start
        // just outside the list, so that one step lands on the first or the last preset.
        index = steps > 0 ? -1 : count;
    }
    const int next = ((index + steps) % count + count) % count;
    const PresetEntry &entry = view.presets[next];
    if (entry.slot == view.presetSlot)
        return std::nullopt;
    MenuAction action;
    action.kind = MenuAction::Kind::SelectPreset;
    action.slot = entry.slot;
    action.name = entry.name;
    return action;
}

std::optional<MenuAction> Menu::press(const RuntimeView &view)
{
    clampCursor(view);
    switch (m_page) {
    case Page::Home:
        if (!view.notice.isEmpty()) {
            MenuAction action;
            action.kind = MenuAction::Kind::DismissNotice;
            return action;
        }
        m_mainCursor = 0;
        enter(Page::MainMenu, view);
        return std::nullopt;
    case Page::Volume:
    case Page::System:
    case Page::About:
        enter(Page::MainMenu, view);
        return std::nullopt;
    case Page::CalibrateInput:
        return pressCalibrateInput(view);
    default:
        return pressList(view);
    }
}

std::optional<MenuAction> Menu::pressList(const RuntimeView &view)
{
    const int backRow = rowCount(view) - 1;
    const bool onBack = m_cursor == backRow;
    MenuAction action;
    switch (m_page) {
    case Page::MainMenu:
        if (onBack)
            goHome();
        else
            enter(kMainPages[std::size_t(std::clamp(m_cursor, 0, kMainPageCount - 1))], view);
        return std::nullopt;
    case Page::Presets:
        if (onBack)
            break;
        action.kind = MenuAction::Kind::SelectPreset;
        action.slot = view.presets[m_cursor].slot;
        action.name = view.presets[m_cursor].name;
        goHome();
        return action;
    case Page::Banks:
        if (onBack)
            break;
        action.kind = MenuAction::Kind::LoadBank;
        action.name = view.banks[m_cursor];
        goHome();
        return action;
    case Page::Model:
        if (onBack)
            break;
        action.kind = MenuAction::Kind::LoadModel;
        action.name = view.models[m_cursor];
        goHome();
        return action;
    case Page::Mapping:
        if (onBack)
            break;
        action.kind = MenuAction::Kind::SetMapping;
        action.name = factoryMappingIds()[m_cursor];
        return action;
    case Page::Calibration:
        if (onBack)
            break;
        m_calInput = m_cursor;
        enter(Page::CalibrateInput, view);
        return std::nullopt;
    default:
        return std::nullopt;
    }
    enter(Page::MainMenu, view);
    return std::nullopt;
}

std::optional<MenuAction> Menu::pressCalibrateInput(const RuntimeView &view)
{
    const double raw = view.calibration[std::size_t(m_calInput)].rawVolts;
    MenuAction action;
    action.kind = MenuAction::Kind::SetCalibration;
    action.input = m_calInput;
    switch (m_calStep) {
    case CalibrationStep::Zero:
        switch (m_cursor) {
        case ZeroMeasure:
            m_calZeroRaw = raw;
            m_calStep = CalibrationStep::Five;
            m_calMessage = tr("0 V reads %1 V.").arg(signedNumber(raw, 3));
            m_calMessageIsError = false;
            setCursor(FiveMeasure, FiveRowCount);
            return std::nullopt;
        case ZeroReset:
            m_calGain = action.gain = 1.0;
            m_calOffset = action.offset = 0.0;
            m_calMessage = tr("Reset: gain 1, offset 0 V.");
            m_calMessageIsError = false;
            return action;
        default:
            enter(Page::Calibration, view);
            return std::nullopt;
        }
    case CalibrationStep::Five: {
        if (m_cursor == FiveCancel) {
            m_calStep = CalibrationStep::Zero;
            m_calMessage.clear();
            setCursor(ZeroMeasure, ZeroRowCount);
            return std::nullopt;
        }
        const double span = raw - m_calZeroRaw;
        if (span < kMinCalibrationSpan) {
            // Nothing patched, the cable in the wrong jack, or 0 V and 5 V swapped: a gain
            // from this would be huge or negative and make the input useless.
            m_calStep = CalibrationStep::Zero;
            m_calMessage = tr("0 V and 5 V read %1 V apart. Check the patch and start again.")
                               .arg(signedNumber(span, 3));
            m_calMessageIsError = true;
            setCursor(ZeroMeasure, ZeroRowCount);
            return std::nullopt;
        }
        m_calGain = action.gain = kCalibrationVolts / span;
        m_calOffset = action.offset = -action.gain * m_calZeroRaw;
        m_calStep = CalibrationStep::Done;
        m_calMessage = tr("Gain %1, offset %2 V.")
                           .arg(QString::number(m_calGain, 'f', 4), signedNumber(m_calOffset, 3));
        m_calMessageIsError = false;
        setCursor(0, 1);
        return action;
    }
    case CalibrationStep::Done:
        enter(Page::Calibration, view);
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<MenuAction> Menu::longPress(const RuntimeView &view)
{
    Q_UNUSED(view)
    goHome();
    return std::nullopt;
}

} // namespace neurorack::runtime
