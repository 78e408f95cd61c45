// The hello plugin's UI bundle: an ES module the dashboard imports at run time from /ui/hello/index.js.
// It exports one plugin object; the dashboard gives each page an element to render into and the SDK.
export const plugin = {
  id: "hello",
  title: "Hello",
  routes: [
    {
      path: "/hello",
      title: "Greetings",
      async render(element, sdk) {
        const greetings = await sdk.fetchJson("/api/hello/greetings");
        const list = document.createElement("ul");
        list.setAttribute("aria-label", "Greetings");
        for (const greeting of greetings) {
          const item = document.createElement("li");
          item.textContent = `${greeting.message} (${new Date(greeting.createdAt).toLocaleString()})`;
          list.append(item);
        }
        element.replaceChildren(list);
      },
    },
  ],
};
export default plugin;
