/* mode-library.c: a list of the library to choose from (vlib.h): every resolution, what
 * cites this one, a search's hits, the earlier uses of a wording. What is typed filters it at
 * once (case and accents folded); Enter opens the resolution at the paragraph. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "text/utf8.h"
#include "view/clip.h"
#include "view/draw.h"
#include "view/view.h"
#include "view/vlib.h"

static const struct binding library_keys[] = {
	{ VK_ENTER, ACT_FOLLOW, "Open the chosen resolution (at its paragraph)" },
	{ VK_DOWN, ACT_LINE_DOWN, "Next item" }, { VK_CTRL('n'), ACT_LINE_DOWN, NULL },
	{ VK_UP, ACT_LINE_UP, "Previous item" }, { VK_CTRL('p'), ACT_LINE_UP, NULL },
	{ VK_PGDN, ACT_PAGE_DOWN, NULL }, { VK_PGUP, ACT_PAGE_UP, NULL },
	{ VK_HOME, ACT_FIRST, NULL }, { VK_END, ACT_LAST, NULL },
	{ VK_TAB, ACT_SORT, NULL },
	{ VK_BACKSPACE, ACT_DELETE_BACK, "Delete the filter's last character (on none: close)" },
	{ VK_CTRL('u'), ACT_KILL_START, "Clear the filter" },
	{ VK_ESC, ACT_CLOSE, "Close the list" },
	{ 0, ACT_NONE, NULL }
};

static const struct hint library_hint[] = {
	{ "filters", { ACT_NONE } },
	{ "open", { ACT_FOLLOW, ACT_NONE } },
	{ "sort", { ACT_SORT, ACT_NONE } },
	{ "close", { ACT_CLOSE, ACT_NONE } },
	{ NULL, { ACT_NONE } }
};

static void filter_changed(struct view *v)
{
	v->lib->cur = 0;
	v->lib->top = 0;
	vlib_list_refilter(v);
}

static int library_action(struct view *v, enum action a)
{
	struct vlib *vl = v->lib;
	size_t page = vl->height > 1 ? (size_t)vl->height - 1 : 1;
	switch (a) {
	case ACT_LINE_DOWN:
		if (vl->cur + 1 < vl->nshown)
			vl->cur++;
		break;
	case ACT_LINE_UP:
		if (vl->cur > 0)
			vl->cur--;
		break;
	case ACT_PAGE_DOWN:
		vl->cur = vl->cur + page < vl->nshown ? vl->cur + page : vl->nshown ? vl->nshown - 1 : 0;
		break;
	case ACT_PAGE_UP:
		vl->cur = vl->cur > page ? vl->cur - page : 0;
		break;
	case ACT_FIRST:
		vl->cur = 0;
		break;
	case ACT_LAST:
		vl->cur = vl->nshown ? vl->nshown - 1 : 0;
		break;
	case ACT_SORT:
		vlib_list_next_sort(v);
		return 1;
	case ACT_DELETE_BACK: {
		size_t n = strlen(vl->filter);
		if (!n) {
			view_pop(v);
			return 1;
		}
		while (n > 0 && ((unsigned char)vl->filter[n - 1] & 0xC0) == 0x80)
			n--;
		vl->filter[n > 0 ? n - 1 : 0] = '\0';
		filter_changed(v);
		return 1;
	}
	case ACT_KILL_START:
		vl->filter[0] = '\0';
		filter_changed(v);
		return 1;
	case ACT_FOLLOW:
		if (vl->nshown)
			vlib_list_choose(v);
		return 1;
	case ACT_CLOSE:
		view_pop(v);
		return 1;
	default:
		return 0;
	}
	vlib_list_keep_visible(vl);
	return 1;
}

/* A character typed: it joins the filter. */
static void library_key(struct view *v, int key)
{
	struct vlib *vl = v->lib;
	if (key < ' ' || key >= VK_BASE || key == 0x7f)
		return;
	char enc[4];
	size_t el = utf8_encode((uint32_t)key, enc), n = strlen(vl->filter);
	if (n + el + 1 > sizeof vl->filter)
		return;
	memcpy(vl->filter + n, enc, el);
	vl->filter[n + el] = '\0';
	filter_changed(v);
}

static void library_click(struct view *v, int y, int x)
{
	(void)x;
	struct vlib *vl = v->lib;
	if (y < 1 || y >= v->geom.rows - 1)
		return;
	size_t i = vl->top + (size_t)(y - 1);
	if (i < vl->nshown) {
		vl->cur = i;
		vlib_list_choose(v);
	}
}

static void library_resize(struct view *v)
{
	v->lib->height = v->geom.rows > 2 ? v->geom.rows - 2 : 1;
	vlib_list_keep_visible(v->lib);
}

static void library_draw(const struct view *v, struct canvas *c)
{
	const struct vlib *vl = v->lib;
	int rows = v->geom.rows, cols = v->geom.cols;
	static const char *const sorts[] = { "symbol", "date", "title" };
	char title[600], f[160];
	clip_text(vl->filter, strlen(vl->filter), 40, v->utf8, 1, f, sizeof f);
	char count[64];
	if (vl->filter[0])
		snprintf(count, sizeof count, "%zu of %zu", vl->nshown, vl->nitems);
	else
		snprintf(count, sizeof count, "%zu", vl->nitems);
	snprintf(title, sizeof title, "%s: %s%s%s%s%s%s", vl->title, count,
	         vl->filter[0] ? " matching \"" : "", f, vl->filter[0] ? "\"" : "",
	         vl->kind == VLIB_DOCS ? ", by " : "", vl->kind == VLIB_DOCS ? sorts[vl->sort] : "");
	draw_title_line(v, c, title);
	for (int row = 1; row < rows - 1; row++) {
		size_t i = vl->top + (size_t)(row - 1);
		if (i >= vl->nshown)
			break;
		char line[1024];
		vlib_list_line(v, i, cols - 2, line, sizeof line);
		unsigned st = STYLE(i == vl->cur ? STYLE_LIST_SEL : STYLE_TEXT, 0);
		if (i == vl->cur)
			draw_fill(c, row, 0, cols, st);
		draw_text(c, row, 1, cols - 2, line, 0, strlen(line), NULL, NULL, st);
	}
	draw_status(v, c);
}

static void library_leave(struct view *v)
{
	v->lib->filter[0] = '\0';
}

const struct mode_ops mode_library_ops = {
	"library", "The library's lists",
	"Type to filter (case and accents folded); Enter opens the resolution at the paragraph.",
	0, library_keys, library_hint, library_action, library_key, library_click, NULL,
	library_draw, library_resize, library_leave
};
