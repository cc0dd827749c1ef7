// The site's own name: in the header, in every <title> and as the home page's h1.
export const siteName = '妇女儿童发展规划参考版';
