// SPDX-License-Identifier: GPL-3.0-or-later
#include "screen/menu.h"

#include <QTest>

#include <cmath>

namespace neurorack::runtime {

/// Readable failures for QCOMPARE on actions.
char *toString(const MenuAction &action)
{
    const QString text = QStringLiteral("MenuAction(kind=%1 slot=%2 name=\"%3\" value=%4 input=%5 gain=%6 offset=%7)")
                             .arg(int(action.kind))
                             .arg(action.slot)
                             .arg(action.name)
                             .arg(action.value, 0, 'g', 17)
                             .arg(action.input)
                             .arg(action.gain, 0, 'g', 17)
                             .arg(action.offset, 0, 'g', 17);
    return qstrdup(text.toUtf8().constData());
}

} // namespace neurorack::runtime

using neurorack::runtime::Menu;
using neurorack::runtime::MenuAction;
using neurorack::runtime::PresetEntry;
using neurorack::runtime::RuntimeView;
using Page = Menu::Page;
using Step = Menu::CalibrationStep;

namespace {

/// Main menu rows, in order ("Back" is the last row).
enum MainRow { RowPresets, RowBanks, RowMapping, RowModel, RowVolume, RowCalibration, RowSystem, RowAbout, RowBack };

RuntimeView sampleView()
{
    RuntimeView view;
    view.bankName = QStringLiteral("Factory");
    view.bankId = QStringLiteral("factory");
    view.presets = {{0, QStringLiteral("Deep kick")}, {3, QStringLiteral("Metal hit")}, {7, QStringLiteral("Wood block")}, {12, QStringLiteral("Boom")}};
    view.presetSlot = 3;
    view.presetName = QStringLiteral("Metal hit");
    view.banks = {QStringLiteral("factory.json"), QStringLiteral("live-set.json"), QStringLiteral("drums.json")};
    view.currentBank = QStringLiteral("live-set.json");
    view.models = {QStringLiteral("impact-v1.pt"), QStringLiteral("impact-v2.pt")};
    view.currentModel = QStringLiteral("impact-v2.pt");
    view.mappingId = QStringLiteral("original");
    view.volumeDb = -12.0;
    return view;
}

MenuAction action(MenuAction::Kind kind)
{
    MenuAction a;
    a.kind = kind;
    return a;
}

/// Opens the main menu and moves its cursor to @p row.
void openMain(Menu &menu, const RuntimeView &view, int row)
{
    menu.longPress(view);
    menu.press(view);
    menu.turn(row, view);
}

/// Opens the page on main menu row @p row.
void openPage(Menu &menu, const RuntimeView &view, int row)
{
    openMain(menu, view, row);
    menu.press(view);
}

} // namespace

class tst_Menu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void homeTurn_data();
    void homeTurn();
    void homeTurnEmptyBank();
    void homePressOpensMenuOrDismissesNotice();
    void mainMenuOrder();
    void enterAndLeavePage_data();
    void enterAndLeavePage();
    void mainMenuBack();
    void longPressGoesHome_data();
    void longPressGoesHome();
    void listScrollsAndClamps();
    void presetsPressSelects();
    void banksPressLoads();
    void modelPressLoads();
    void mappingPressSets();
    void volume_data();
    void volume();
    void volumeEmitsEachStep();
    void calibration_data();
    void calibration();
    void calibrationZeroSpan_data();
    void calibrationZeroSpan();
    void calibrationResetAndCancel();
    void viewShrinksUnderCursor();
    void infoPagesIgnoreTurns();
};

void tst_Menu::homeTurn_data()
{
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("expected"); // −1: no action

    QTest::addRow("next") << 3 << 1 << 7;
    QTest::addRow("previous") << 3 << -1 << 0;
    QTest::addRow("two at once") << 3 << 2 << 12;
    QTest::addRow("wraps past the last") << 12 << 1 << 0;
    QTest::addRow("wraps before the first") << 0 << -1 << 12;
    QTest::addRow("fast turn wraps") << 7 << 6 << 0;
    QTest::addRow("full circle is no change") << 3 << 4 << -1;
    QTest::addRow("no steps") << 3 << 0 << -1;
    QTest::addRow("stale slot, forward: first") << 5 << 1 << 0;
    QTest::addRow("stale slot, backward: last") << 5 << -1 << 12;
}

void tst_Menu::homeTurn()
{
    QFETCH(int, current);
    QFETCH(int, steps);
    QFETCH(int, expected);

    RuntimeView view = sampleView();
    view.presetSlot = current;
    Menu menu;
    const auto result = menu.turn(steps, view);
    QCOMPARE(menu.page(), Page::Home);
    if (expected < 0) {
        QVERIFY(!result);
        return;
    }
    QVERIFY(result);
    MenuAction want = action(MenuAction::Kind::SelectPreset);
    want.slot = expected;
    for (const PresetEntry &entry : view.presets) {
        if (entry.slot == expected)
            want.name = entry.name;
    }
    QCOMPARE(*result, want);
}

void tst_Menu::homeTurnEmptyBank()
{
    RuntimeView view;
    Menu menu;
    QVERIFY(!menu.turn(1, view));
    QVERIFY(!menu.turn(-1, view));
}

void tst_Menu::homePressOpensMenuOrDismissesNotice()
{
    RuntimeView view = sampleView();
    view.notice = QStringLiteral("bank damaged: last good copy loaded");
    Menu menu;
    const auto dismiss = menu.press(view);
    QVERIFY(dismiss);
    QCOMPARE(*dismiss, action(MenuAction::Kind::DismissNotice));
    QCOMPARE(menu.page(), Page::Home);

    view.notice.clear();
    QVERIFY(!menu.press(view));
    QCOMPARE(menu.page(), Page::MainMenu);
    QCOMPARE(menu.cursor(), 0);
}

void tst_Menu::mainMenuOrder()
{
    const RuntimeView view = sampleView();
    Menu menu;
    menu.press(view);
    QCOMPARE(menu.page(), Page::MainMenu);
    QStringList labels;
    for (const auto &row : menu.rows(view))
        labels << row.label;
    const QStringList expected{QStringLiteral("Presets"), QStringLiteral("Banks"),  QStringLiteral("Mapping"), QStringLiteral("Model"), QStringLiteral("Volume"),
                               QStringLiteral("Calibration"), QStringLiteral("System"), QStringLiteral("About"), QStringLiteral("Back")};
    QCOMPARE(labels, expected);
    QCOMPARE(menu.title(view), QStringLiteral("Menu"));
}

void tst_Menu::enterAndLeavePage_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("cursor"); // on entry: the entry in use, else 0
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("list"); // left through its "Back" row, else by a press

    QTest::addRow("presets") << int(RowPresets) << int(Page::Presets) << 1 << QStringLiteral("Presets") << true;
    QTest::addRow("banks") << int(RowBanks) << int(Page::Banks) << 1 << QStringLiteral("Banks") << true;
    QTest::addRow("mapping") << int(RowMapping) << int(Page::Mapping) << 0 << QStringLiteral("Mapping") << true;
    QTest::addRow("model") << int(RowModel) << int(Page::Model) << 1 << QStringLiteral("Model") << true;
    QTest::addRow("volume") << int(RowVolume) << int(Page::Volume) << 0 << QStringLiteral("Volume") << false;
    QTest::addRow("calibration") << int(RowCalibration) << int(Page::Calibration) << 0 << QStringLiteral("Calibration") << true;
    QTest::addRow("system") << int(RowSystem) << int(Page::System) << 0 << QStringLiteral("System") << false;
    QTest::addRow("about") << int(RowAbout) << int(Page::About) << 0 << QStringLiteral("About") << false;
}

void tst_Menu::enterAndLeavePage()
{
    QFETCH(int, row);
    QFETCH(int, page);
    QFETCH(int, cursor);
    QFETCH(QString, title);
    QFETCH(bool, list);

    const RuntimeView view = sampleView();
    Menu menu;
    openMain(menu, view, row);
    QCOMPARE(menu.cursor(), row);
    QVERIFY(!menu.press(view));
    QCOMPARE(int(menu.page()), page);
    QCOMPARE(menu.cursor(), cursor);
    QCOMPARE(menu.title(view), title);
    QCOMPARE(menu.visibleRows() > 0, list);

    if (list) {
        const auto rows = menu.rows(view);
        QCOMPARE(rows.last().label, QStringLiteral("Back"));
        menu.turn(int(rows.size()), view); // lists clamp: lands on "Back"
        QCOMPARE(menu.cursor(), int(rows.size()) - 1);
    }
    QVERIFY(!menu.press(view));
    QCOMPARE(menu.page(), Page::MainMenu);
    QCOMPARE(menu.cursor(), row); // back where the user left the main menu
}

void tst_Menu::mainMenuBack()
{
    const RuntimeView view = sampleView();
    Menu menu;
    openMain(menu, view, RowBack);
    QCOMPARE(menu.rows(view)[menu.cursor()].label, QStringLiteral("Back"));
    QVERIFY(!menu.press(view));
    QCOMPARE(menu.page(), Page::Home);
}

void tst_Menu::longPressGoesHome_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("extraPresses"); // presses after entering the page

    QTest::addRow("main menu") << -1 << 0;
    for (int row = RowPresets; row <= RowAbout; ++row)
        QTest::addRow("page %d", row) << row << 0;
    QTest::addRow("calibrating, waiting for 5 V") << int(RowCalibration) << 2;
}

void tst_Menu::longPressGoesHome()
{
    QFETCH(int, row);
    QFETCH(int, extraPresses);

    const RuntimeView view = sampleView();
    Menu menu;
    if (row < 0) {
        menu.press(view);
    } else {
        openPage(menu, view, row);
        for (int i = 0; i < extraPresses; ++i)
            menu.press(view);
    }
    QVERIFY(menu.page() != Page::Home);
    if (extraPresses == 2) {
        QCOMPARE(menu.page(), Page::CalibrateInput);
        QCOMPARE(menu.calibrationStep(), Step::Five);
    }
    QVERIFY(!menu.longPress(view));
    QCOMPARE(menu.page(), Page::Home);
    QCOMPARE(menu.calibrationInput(), -1);
    // And a long press on Home stays there.
    QVERIFY(!menu.longPress(view));
    QCOMPARE(menu.page(), Page::Home);
}

void tst_Menu::listScrollsAndClamps()
{
    RuntimeView view = sampleView();
    view.presets.clear();
    for (int slot = 0; slot < 20; ++slot)
        view.presets << PresetEntry{slot, QStringLiteral("Preset %1").arg(slot)};
    view.presetSlot = 0;
    Menu menu;
    openPage(menu, view, RowPresets);
    QCOMPARE(menu.page(), Page::Presets);
    QCOMPARE(menu.visibleRows(), Menu::kListRows);
    QCOMPARE(menu.cursor(), 0);
    QCOMPARE(menu.firstVisibleRow(), 0);

    menu.turn(6, view);
    QCOMPARE(menu.cursor(), 6);
    QCOMPARE(menu.firstVisibleRow(), 0); // still on screen
    menu.turn(4, view);
    QCOMPARE(menu.cursor(), 10);
    QCOMPARE(menu.firstVisibleRow(), 10 - Menu::kListRows + 1);
    menu.turn(-8, view);
    QCOMPARE(menu.cursor(), 2);
    QCOMPARE(menu.firstVisibleRow(), 2);
    menu.turn(100, view);
    QCOMPARE(menu.cursor(), 20); // "Back", after the 20 presets
    QCOMPARE(menu.firstVisibleRow(), 21 - Menu::kListRows);
    menu.turn(-100, view);
    QCOMPARE(menu.cursor(), 0);
    QCOMPARE(menu.firstVisibleRow(), 0);

    // Entering the browser puts the cursor on the current preset, scrolled into view.
    view.presetSlot = 15;
    openPage(menu, view, RowPresets);
    QCOMPARE(menu.cursor(), 15);
    QVERIFY(menu.firstVisibleRow() <= 15 && 15 < menu.firstVisibleRow() + menu.visibleRows());
}

void tst_Menu::presetsPressSelects()
{
    const RuntimeView view = sampleView();
    Menu menu;
    openPage(menu, view, RowPresets);
    QCOMPARE(menu.rows(view)[1].label, QStringLiteral("004  Metal hit")); // 1-based slot numbers
    QVERIFY(menu.rows(view)[1].active);
    QVERIFY(!menu.turn(1, view)); // browsing does not select
    const auto result = menu.press(view);
    QVERIFY(result);
    MenuAction want = action(MenuAction::Kind::SelectPreset);
    want.slot = 7;
    want.name = QStringLiteral("Wood block");
    QCOMPARE(*result, want);
    QCOMPARE(menu.page(), Page::Home);
}

void tst_Menu::banksPressLoads()
{
    const RuntimeView view = sampleView();
    Menu menu;
    openPage(menu, view, RowBanks);
    menu.turn(1, view);
    const auto result = menu.press(view);
    QVERIFY(result);
    MenuAction want = action(MenuAction::Kind::LoadBank);
    want.name = QStringLiteral("drums.json");
    QCOMPARE(*result, want);
    QCOMPARE(menu.page(), Page::Home);
}

void tst_Menu::modelPressLoads()
{
    const RuntimeView view = sampleView();
    Menu menu;
    openPage(menu, view, RowModel);
    menu.turn(-1, view);
    const auto result = menu.press(view);
    QVERIFY(result);
    MenuAction want = action(MenuAction::Kind::LoadModel);
    want.name = QStringLiteral("impact-v1.pt");
    QCOMPARE(*result, want);
    QCOMPARE(menu.page(), Page::Home);
}

void tst_Menu::mappingPressSets()
{
    const RuntimeView view = sampleView();
    Menu menu;
    openPage(menu, view, RowMapping);
    QCOMPARE(menu.rows(view).size(), 3); // two factory mappings and Back
    QVERIFY(menu.rows(view)[0].active);
    menu.turn(1, view);
    const auto result = menu.press(view);
    QVERIFY(result);
    MenuAction want = action(MenuAction::Kind::SetMapping);
    want.name = QStringLiteral("alternative");
    QCOMPARE(*result, want);
    QCOMPARE(menu.page(), Page::Mapping); // stays, so the description updates in place
    menu.turn(-1, view);
    want.name = QStringLiteral("original");
    QCOMPARE(*menu.press(view), want);
}

void tst_Menu::volume_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<int>("steps");
    QTest::addColumn<double>("expected"); // NaN: no action

    const double none = std::nan("");
    QTest::addRow("up one") << -12.0 << 1 << -11.0;
    QTest::addRow("down three") << -12.0 << -3 << -15.0;
    QTest::addRow("clamped at 0") << -12.0 << 20 << 0.0;
    QTest::addRow("clamped at -60") << -55.0 << -20 << -60.0;
    QTest::addRow("already at 0") << 0.0 << 1 << none;
    QTest::addRow("already at -60") << -60.0 << -1 << none;
    QTest::addRow("fractional start rounds") << -12.4 << 1 << -11.0;
    QTest::addRow("out of range start clamps") << -80.0 << 1 << -59.0;
}

void tst_Menu::volume()
{
    QFETCH(double, start);
    QFETCH(int, steps);
    QFETCH(double, expected);

    RuntimeView view = sampleView();
    view.volumeDb = start;
    Menu menu;
    openPage(menu, view, RowVolume);
    QCOMPARE(menu.page(), Page::Volume);
    const auto result = menu.turn(steps, view);
    if (std::isnan(expected)) {
        QVERIFY(!result);
        return;
    }
    QVERIFY(result);
    MenuAction want = action(MenuAction::Kind::SetVolume);
    want.value = expected;
    QCOMPARE(*result, want);
    QCOMPARE(menu.volumeDb(), expected);
}

void tst_Menu::volumeEmitsEachStep()
{
    RuntimeView view = sampleView();
    view.volumeDb = -2.0;
    Menu menu;
    openPage(menu, view, RowVolume);
    QList<double> sent;
    for (int i = 0; i < 4; ++i) {
        if (const auto result = menu.turn(1, view))
            sent << result->value;
    }
    QCOMPARE(sent, (QList<double>{-1.0, 0.0}));
    QVERIFY(!menu.press(view));
    QCOMPARE(menu.page(), Page::MainMenu);
}

void tst_Menu::calibration_data()
{
    QTest::addColumn<int>("input");
    QTest::addColumn<double>("raw0");
    QTest::addColumn<double>("raw5");
    QTest::addColumn<double>("gain");
    QTest::addColumn<double>("offset");

    QTest::addRow("CV 1, offset and gain error") << 0 << 0.1 << 5.2 << 5.0 / 5.1 << -0.5 / 5.1;
    QTest::addRow("CV 3, offset only") << 2 << -0.25 << 4.75 << 1.0 << 0.25;
    QTest::addRow("CV 4, reads half") << 3 << 0.0 << 2.5 << 2.0 << 0.0;
    QTest::addRow("gate 2, exact") << 5 << 0.0 << 5.0 << 1.0 << 0.0;
}

void tst_Menu::calibration()
{
    QFETCH(int, input);
    QFETCH(double, raw0);
    QFETCH(double, raw5);
    QFETCH(double, gain);
    QFETCH(double, offset);

    RuntimeView view = sampleView();
    Menu menu;
    openPage(menu, view, RowCalibration);
    QCOMPARE(menu.rows(view).size(), RuntimeView::kInputCount + 1);
    menu.turn(input, view);
    QVERIFY(!menu.press(view));
    QCOMPARE(menu.page(), Page::CalibrateInput);
    QCOMPARE(menu.calibrationInput(), input);
    QCOMPARE(menu.calibrationStep(), Step::Zero);
    QCOMPARE(menu.title(view), QStringLiteral("Calibrate ") + Menu::inputName(input));

    view.calibration[std::size_t(input)].rawVolts = raw0;
    QVERIFY(!menu.press(view)); // measure 0 V
    QCOMPARE(menu.calibrationStep(), Step::Five);
    QCOMPARE(menu.calibrationZeroRaw(), raw0);

    view.calibration[std::size_t(input)].rawVolts = raw5;
    const auto result = menu.press(view); // measure 5 V
    QVERIFY(result);
    QCOMPARE(result->kind, MenuAction::Kind::SetCalibration);
    QCOMPARE(result->input, input);
    QCOMPARE(result->gain, gain);
    QCOMPARE(result->offset, offset);
    // The two readings land on the two references.
    QVERIFY(std::abs(result->gain * raw0 + result->offset) < 1e-12);
    QVERIFY(std::abs(result->gain * raw5 + result->offset - Menu::kCalibrationVolts) < 1e-12);
    QCOMPARE(menu.calibrationStep(), Step::Done);
    QVERIFY(!menu.calibrationMessageIsError());

    QVERIFY(!menu.press(view)); // "Done"
    QCOMPARE(menu.page(), Page::Calibration);
    QCOMPARE(menu.cursor(), input);
}

void tst_Menu::calibrationZeroSpan_data()
{
    QTest::addColumn<double>("raw0");
    QTest::addColumn<double>("raw5");

    QTest::addRow("nothing patched") << 0.0 << 0.0;
    QTest::addRow("same reading") << 1.2 << 1.2;
    QTest::addRow("barely moves") << 0.1 << 0.4;
    QTest::addRow("swapped") << 5.0 << 0.0;
}

void tst_Menu::calibrationZeroSpan()
{
    QFETCH(double, raw0);
    QFETCH(double, raw5);

    RuntimeView view = sampleView();
    Menu menu;
    openPage(menu, view, RowCalibration);
    menu.press(view); // CV 1
    view.calibration[0].rawVolts = raw0;
    menu.press(view);
    view.calibration[0].rawVolts = raw5;
    QVERIFY(!menu.press(view));
    QCOMPARE(menu.page(), Page::CalibrateInput);
    QCOMPARE(menu.calibrationStep(), Step::Zero); // start again
    QCOMPARE(menu.cursor(), 0);
    QVERIFY(menu.calibrationMessageIsError());
    QVERIFY(!menu.calibrationMessage().isEmpty());
}

void tst_Menu::calibrationResetAndCancel()
{
    RuntimeView view = sampleView();
    Menu menu;
    openPage(menu, view, RowCalibration);
    menu.turn(4, view); // gate 1
    menu.press(view);
    QCOMPARE(menu.calibrationInput(), 4);

    // Measure 0 V, then cancel: back to the first step, nothing sent.
    QVERIFY(!menu.press(view));
    QCOMPARE(menu.calibrationStep(), Step::Five);
    menu.turn(1, view);
    QCOMPARE(menu.rows(view)[menu.cursor()].label, QStringLiteral("Cancel"));
    QVERIFY(!menu.press(view));
    QCOMPARE(menu.calibrationStep(), Step::Zero);

    // Reset sends gain 1, offset 0.
    menu.turn(1, view);
    QCOMPARE(menu.rows(view)[menu.cursor()].label, QStringLiteral("Reset to default"));
    const auto result = menu.press(view);
    QVERIFY(result);
    MenuAction want = action(MenuAction::Kind::SetCalibration);
    want.input = 4;
    want.gain = 1.0;
    want.offset = 0.0;
    QCOMPARE(*result, want);
    QCOMPARE(menu.page(), Page::CalibrateInput);

    // "Back" returns to the list of inputs, on the same input.
    menu.turn(1, view);
    QCOMPARE(menu.rows(view)[menu.cursor()].label, QStringLiteral("Back"));
    QVERIFY(!menu.press(view));
    QCOMPARE(menu.page(), Page::Calibration);
    QCOMPARE(menu.cursor(), 4);
}

void tst_Menu::viewShrinksUnderCursor()
{
    RuntimeView view = sampleView();
    Menu menu;
    openPage(menu, view, RowBanks);
    QCOMPARE(menu.cursor(), 1); // on the current bank
    menu.turn(1, view);
    QCOMPARE(menu.cursor(), 2);
    view.banks.clear(); // the files went away while the page was open
    QVERIFY(!menu.press(view)); // the cursor is clamped onto "Back"
    QCOMPARE(menu.page(), Page::MainMenu);
}

void tst_Menu::infoPagesIgnoreTurns()
{
    const RuntimeView view = sampleView();
    Menu menu;
    for (const int row : {int(RowSystem), int(RowAbout)}) {
        openPage(menu, view, row);
        QVERIFY(!menu.turn(3, view));
        QVERIFY(menu.rows(view).isEmpty());
        QVERIFY(!menu.press(view));
        QCOMPARE(menu.page(), Page::MainMenu);
    }
}

QTEST_GUILESS_MAIN(tst_Menu)
#include "tst_menu.moc"
