/* test_view_history.c: back and forward like a browser's. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "view/history.h"

static struct place at(int para)
{
	return (struct place){ 0, 1, para, para, 0 };
}

static void back_and_forward(void **state)
{
	(void)state;
	struct history h;
	struct place to, p;
	history_init(&h);
	assert_int_equal(history_back(&h, &(struct place){ 0 }, &to), -1);
	/* At 1, jump to 2; at 2, jump to 3. */
	p = at(1);
	history_push(&h, &p);
	p = at(2);
	history_push(&h, &p);
	p = at(3);
	assert_int_equal(history_forward(&h, &p, &to), -1);
	assert_int_equal(history_back(&h, &p, &to), 0);
	assert_int_equal(to.para, 2);
	assert_int_equal(history_back(&h, &to, &to), 0);
	assert_int_equal(to.para, 1);
	assert_int_equal(history_back(&h, &to, &to), -1);
	assert_int_equal(history_forward(&h, &to, &to), 0);
	assert_int_equal(to.para, 2);
	assert_int_equal(history_forward(&h, &to, &to), 0);
	assert_int_equal(to.para, 3);
	assert_int_equal(history_forward(&h, &to, &to), -1);
}

static void jump_drops_forward(void **state)
{
	(void)state;
	struct history h;
	struct place to, p;
	history_init(&h);
	p = at(1);
	history_push(&h, &p);     /* now at 2 */
	p = at(2);
	assert_int_equal(history_back(&h, &p, &to), 0);
	assert_int_equal(to.para, 1);
	/* Moved within 1 (scrolled to 5), then a new jump: forward to 2 is gone. */
	p = at(5);
	history_push(&h, &p);     /* now at 9 */
	p = at(9);
	assert_int_equal(history_forward(&h, &p, &to), -1);
	assert_int_equal(history_back(&h, &p, &to), 0);
	assert_int_equal(to.para, 5);
	assert_int_equal(history_back(&h, &to, &to), -1);
}

static void overflow_keeps_newest(void **state)
{
	(void)state;
	struct history h;
	struct place to, p;
	history_init(&h);
	for (int i = 0; i < HISTORY_MAX * 3; i++) {
		p = at(i);
		history_push(&h, &p);
	}
	p = at(-1);
	assert_int_equal(history_back(&h, &p, &to), 0);
	assert_int_equal(to.para, HISTORY_MAX * 3 - 1);
	int steps = 1;
	while (history_back(&h, &to, &to) == 0)
		steps++;
	assert_true(steps >= HISTORY_MAX - 1 && steps <= HISTORY_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(back_and_forward),
		cmocka_unit_test(jump_drops_forward),
		cmocka_unit_test(overflow_keeps_newest),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
